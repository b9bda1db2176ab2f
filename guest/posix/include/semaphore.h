/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX semaphores (guest/posix). newlib has no <semaphore.h> of its own;
 * like its pthread types, sem_t holds the id of an object of the executive.
 * Names of named semaphores have at most 31 characters.
 */
#ifndef TESSERA_SEMAPHORE_H
#define TESSERA_SEMAPHORE_H

#include <limits.h>
#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t sem_t;

#define SEM_FAILED    ((sem_t *)0)
#define SEM_VALUE_MAX INT_MAX

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *__restrict sem, const struct timespec *__restrict abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *__restrict sem, int *__restrict sval);
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);

#ifdef __cplusplus
}
#endif

#endif
