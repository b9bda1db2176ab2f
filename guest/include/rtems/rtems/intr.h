/* SPDX-License-Identifier: BSD-2-Clause */
/* Interrupt manager (uniprocessor: locks are plain interrupt disabling). */
#ifndef TESSERA_RTEMS_INTR_H
#define TESSERA_RTEMS_INTR_H

#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

typedef void rtems_isr;
typedef rtems_isr (*rtems_isr_entry)(rtems_vector_number);

rtems_interrupt_level exec_interrupt_disable(void);
void exec_interrupt_enable(rtems_interrupt_level level);
void exec_interrupt_flash(rtems_interrupt_level level);
bool exec_interrupt_is_in_progress(void);

#define rtems_interrupt_disable(_isr_cookie)       ((_isr_cookie) = exec_interrupt_disable())
#define rtems_interrupt_enable(_isr_cookie)        exec_interrupt_enable(_isr_cookie)
#define rtems_interrupt_flash(_isr_cookie)         exec_interrupt_flash(_isr_cookie)
#define rtems_interrupt_local_disable(_isr_cookie) ((_isr_cookie) = exec_interrupt_disable())
#define rtems_interrupt_local_enable(_isr_cookie)  exec_interrupt_enable(_isr_cookie)
#define rtems_interrupt_is_in_progress()           exec_interrupt_is_in_progress()

rtems_status_code rtems_interrupt_catch(rtems_isr_entry new_isr_handler, rtems_vector_number vector,
                                        rtems_isr_entry *old_isr_handler);

typedef char rtems_interrupt_lock;
typedef rtems_interrupt_level rtems_interrupt_lock_context;
#define RTEMS_INTERRUPT_LOCK_INITIALIZER(_name) 0
#define RTEMS_INTERRUPT_LOCK_DECLARE(_specifier, _designator)
#define RTEMS_INTERRUPT_LOCK_DEFINE(_specifier, _designator, _name)
#define RTEMS_INTERRUPT_LOCK_MEMBER(_designator)
#define RTEMS_INTERRUPT_LOCK_REFERENCE(_designator, _target)
#define rtems_interrupt_lock_initialize(_lock, _name) ((void)(_lock))
#define rtems_interrupt_lock_destroy(_lock)           ((void)(_lock))
#define rtems_interrupt_lock_acquire(_lock, _lock_context)                                         \
    ((void)(_lock), *(_lock_context) = exec_interrupt_disable())
#define rtems_interrupt_lock_release(_lock, _lock_context)                                         \
    ((void)(_lock), exec_interrupt_enable(*(_lock_context)))
#define rtems_interrupt_lock_acquire_isr(_lock, _lock_context)                                     \
    ((void)(_lock), (void)(_lock_context))
#define rtems_interrupt_lock_release_isr(_lock, _lock_context)                                     \
    ((void)(_lock), (void)(_lock_context))
#define rtems_interrupt_lock_interrupt_disable(_lock_context)                                      \
    (*(_lock_context) = exec_interrupt_disable())

#endif
