/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * I/O manager. The driver table and its length come from the configuration
 * (<rtems/confdefs.h>); registration edits it with interrupts disabled, the
 * driver entries are called with interrupts as the caller has them. A NULL
 * entry is a successful no-op, as in RTEMS.
 */
#include <rtems.h>
#include <tessera/exec_types.h>

#include "directive.h"
#include "io_impl.h"

#include <port.h>
#include <string.h>

static bool all_initialized;

static bool is_free(const rtems_driver_address_table *table)
{
    return table->initialization_entry == NULL && table->open_entry == NULL;
}

void exec_io_initialize_all(void)
{
    all_initialized = true;
    for (rtems_device_major_number major = 0; major < exec_config.number_of_drivers; major++) {
        (void)rtems_io_initialize(major, 0, NULL);
    }
}

rtems_status_code rtems_io_register_driver(rtems_device_major_number major,
                                           const rtems_driver_address_table *driver_table,
                                           rtems_device_major_number *registered_major)
{
    rtems_device_major_number limit = exec_config.number_of_drivers;
    rtems_status_code status = RTEMS_SUCCESSFUL;
    port_isr_level level;

    if (rtems_interrupt_is_in_progress()) {
        return RTEMS_CALLED_FROM_ISR;
    }
    if (registered_major == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    *registered_major = limit; /* an invalid major until registered */
    if (driver_table == NULL || is_free(driver_table)) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (major >= limit) {
        return RTEMS_INVALID_NUMBER;
    }
    level = exec_directive_lock();
    if (major == 0) {
        while (major < limit && !is_free(&exec_config.drivers[major])) {
            major++;
        }
    }
    if (major == limit) {
        status = RTEMS_TOO_MANY;
    } else if (!is_free(&exec_config.drivers[major])) {
        status = RTEMS_RESOURCE_IN_USE;
    } else {
        exec_config.drivers[major] = *driver_table;
        *registered_major = major;
    }
    status = exec_directive_unlock(level, status);
    /* The driver's own entry runs with interrupts as the caller had them. */
    if (status == RTEMS_SUCCESSFUL && all_initialized) {
        status = rtems_io_initialize(major, 0, NULL);
    }
    return status;
}

rtems_status_code rtems_io_unregister_driver(rtems_device_major_number major)
{
    port_isr_level level;

    if (rtems_interrupt_is_in_progress()) {
        return RTEMS_CALLED_FROM_ISR;
    }
    if (major >= exec_config.number_of_drivers) {
        return RTEMS_UNSATISFIED;
    }
    level = exec_directive_lock();
    memset(&exec_config.drivers[major], 0, sizeof(exec_config.drivers[major]));
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

/* The entry at offset `which` of the table of `major`, read atomically. */
static rtems_status_code call(size_t which, rtems_device_major_number major,
                              rtems_device_minor_number minor, void *argument)
{
    rtems_device_driver_entry entry;
    port_isr_level level;

    if (major >= exec_config.number_of_drivers) {
        return RTEMS_INVALID_NUMBER;
    }
    level = exec_directive_lock();
    memcpy(&entry, (const char *)&exec_config.drivers[major] + which, sizeof(entry));
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    /* The driver's entry runs with interrupts as the caller had them. */
    return entry != NULL ? entry(major, minor, argument) : RTEMS_SUCCESSFUL;
}

rtems_status_code rtems_io_initialize(rtems_device_major_number major,
                                      rtems_device_minor_number minor, void *argument)
{
    return call(offsetof(rtems_driver_address_table, initialization_entry), major, minor, argument);
}

rtems_status_code rtems_io_open(rtems_device_major_number major, rtems_device_minor_number minor,
                                void *argument)
{
    return call(offsetof(rtems_driver_address_table, open_entry), major, minor, argument);
}

rtems_status_code rtems_io_close(rtems_device_major_number major, rtems_device_minor_number minor,
                                 void *argument)
{
    return call(offsetof(rtems_driver_address_table, close_entry), major, minor, argument);
}

rtems_status_code rtems_io_read(rtems_device_major_number major, rtems_device_minor_number minor,
                                void *argument)
{
    return call(offsetof(rtems_driver_address_table, read_entry), major, minor, argument);
}

rtems_status_code rtems_io_write(rtems_device_major_number major, rtems_device_minor_number minor,
                                 void *argument)
{
    return call(offsetof(rtems_driver_address_table, write_entry), major, minor, argument);
}

rtems_status_code rtems_io_control(rtems_device_major_number major, rtems_device_minor_number minor,
                                   void *argument)
{
    return call(offsetof(rtems_driver_address_table, control_entry), major, minor, argument);
}
