/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX signals: the process's actions, each thread's mask and pending set
 * (slots of tasks and POSIX threads, as keys have), generation by kill,
 * pthread_kill, timers, alarms and mq_notify, and delivery. A signal is
 * first offered to a thread waiting for it in sigwait & co. (signal_wait.c),
 * else it stays pending on its thread or on the process (waking a thread
 * in sigsuspend, pause or a sleep that takes it, unless the executing
 * thread takes a process signal itself) until a thread that does not block it gets
 * the processor: a post-switch action of the
 * core's dispatcher runs the handler there, like a Classic ASR. One
 * siginfo per signal number (the latest generation's); no queueing, also
 * not for sigqueue. A handler with SA_SIGINFO gets that siginfo.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "chain.h"
#include "directive.h"
#include "dispatch.h"
#include "kill_hook.h"
#include "task.h"
#include "thread.h"
#include "threadq.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static struct sigaction actions[NSIG];
static sigset_t process_pending;
static siginfo_t latest[NSIG];
struct exec_threadq posix_signal_waiters;

static sigset_t bit(int sig)
{
    return posix_signal_bit(sig);
}

struct posix_signal_thread *posix_signal_state(const struct exec_thread *t)
{
    uint32_t slot = t != NULL ? posix_key_slot(t) : UINT32_MAX;

    return slot == UINT32_MAX ? NULL : &exec_posix_config.signal_threads[slot];
}

/* Default actions that ignore (POSIX's list); every other one terminates. */
static bool ignored_by_default(int sig)
{
    return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

static bool is_ignored(int sig)
{
    return actions[sig].sa_handler == SIG_IGN ||
           (actions[sig].sa_handler == SIG_DFL && ignored_by_default(sig));
}

/* The first thread waiting for sig: t itself, or (t NULL) any, by priority. */
static struct exec_thread *waiter_for(const struct exec_thread *t, int sig)
{
    const struct exec_chain *c = &posix_signal_waiters.waiters;

    for (struct exec_node *n = exec_chain_first(c); n != NULL; n = exec_chain_next(c, n)) {
        struct exec_thread *w = EXEC_CONTAINER_OF(n, struct exec_thread, node);

        if ((t == NULL || w == t) && (posix_signal_state(w)->waiting & bit(sig)) != 0) {
            return w;
        }
    }
    return NULL;
}

/*
 * Wakes t, or (t NULL) the first interruptible thread, if it is in
 * sigsuspend or pause, or sleeping (clock.c: nanosleep & co. wait here
 * too), and does not block sig: its handler then runs when it gets the
 * processor, and the wait ends with EINTR.
 */
static void wake_interruptible(struct exec_thread *t, int sig)
{
    const struct exec_chain *c = &posix_signal_waiters.waiters;

    for (struct exec_node *n = exec_chain_first(c); n != NULL; n = exec_chain_next(c, n)) {
        struct exec_thread *w = EXEC_CONTAINER_OF(n, struct exec_thread, node);
        const struct posix_signal_thread *s = posix_signal_state(w);
        bool interruptible = s->suspended || (w->state & EXEC_STATE_DELAYING) != 0;

        if ((t == NULL || w == t) && interruptible && (s->blocked & bit(sig)) == 0) {
            exec_thread_unblock(w, POSIX_STATUS_INTERRUPTED);
            return;
        }
    }
}

static bool is_caught(int sig)
{
    return actions[sig].sa_handler != SIG_DFL && actions[sig].sa_handler != SIG_IGN;
}

/* Whether the executing thread (task context) takes sig as soon as it runs on. */
static bool executing_takes(int sig)
{
    const struct exec_thread *t = exec_executing;
    const struct posix_signal_thread *s;

    if (t == NULL || t == &exec_idle_thread || t->state != 0 || exec_isr_nest_level != 0) {
        return false;
    }
    s = posix_signal_state(t);
    return s != NULL && (s->blocked & bit(sig)) == 0;
}

void posix_signal_generate(struct exec_thread *t, int sig, int code, union sigval value)
{
    struct exec_thread *w = waiter_for(t, sig);

    latest[sig] = (siginfo_t){.si_signo = sig, .si_code = code, .si_value = value};
    if (w != NULL) {
        struct posix_signal_thread *s = posix_signal_state(w);

        s->received = latest[sig];
        s->waiting = 0;
        if (t != NULL && (s->blocked & bit(sig)) == 0 && is_caught(sig)) {
            /*
             * A sigwait for a signal the thread does not block (undefined
             * in POSIX): as RTEMS's pthread_kill, which marks the signal
             * pending before it hands it over, the handler runs as well,
             * before the wait returns the signal.
             */
            s->pending |= bit(sig);
        }
        exec_thread_unblock(w, RTEMS_SUCCESSFUL);
    } else if (is_ignored(sig)) {
        /* discarded at generation */
    } else {
        if (t != NULL) {
            posix_signal_state(t)->pending |= bit(sig);
        } else {
            process_pending |= bit(sig);
        }
        if (t != NULL || !executing_takes(sig)) {
            wake_interruptible(t, sig);
        }
    }
}

bool posix_signal_is_pending(int sig)
{
    if ((process_pending & bit(sig)) != 0) {
        return true;
    }
    for (uint32_t i = 0; i < exec_tasks_info.maximum + exec_posix_threads_info.maximum; i++) {
        if ((exec_posix_config.signal_threads[i].pending & bit(sig)) != 0) {
            return true;
        }
    }
    return false;
}

int posix_signal_take(struct posix_signal_thread *s, sigset_t set, siginfo_t *info)
{
    sigset_t available = (s->pending | process_pending) & set;

    for (int sig = 1; sig < NSIG; sig++) {
        if ((available & bit(sig)) != 0) {
            if ((s->pending & bit(sig)) != 0) {
                s->pending &= ~bit(sig);
            } else {
                process_pending &= ~bit(sig);
            }
            if (info != NULL) {
                *info = latest[sig];
            }
            return sig;
        }
    }
    return 0;
}

bool posix_signal_is_deliverable(const struct posix_signal_thread *s)
{
    return ((s->pending | process_pending) & ~s->blocked) != 0;
}

/* The executing thread, if it has an unblocked signal pending and may take it. */
static struct posix_signal_thread *delivery_candidate(void)
{
    struct exec_thread *t = exec_executing;
    struct posix_signal_thread *s;

    if (t == NULL || t == &exec_idle_thread || t->state != 0 || exec_isr_nest_level != 0) {
        return NULL;
    }
    s = posix_signal_state(t);
    return s != NULL && posix_signal_is_deliverable(s) ? s : NULL;
}

static bool delivery_is_due(void)
{
    return delivery_candidate() != NULL;
}

/*
 * Runs the action of one deliverable signal in the executing thread (task
 * context, interrupts disabled; returns with them disabled). The handler
 * runs with interrupts at the thread's level and its mask widened by the
 * action's; the wait state of an interrupted directive is kept.
 */
static bool deliver(void)
{
    struct posix_signal_thread *s = delivery_candidate();
    struct exec_thread *t = exec_executing;
    struct exec_wait saved_wait;
    sigset_t saved_blocked;
    siginfo_t info;
    int sig;

    if (s == NULL) {
        return false;
    }
    sig = posix_signal_take(s, ~s->blocked, &info);
    if (actions[sig].sa_handler == SIG_IGN ||
        (actions[sig].sa_handler == SIG_DFL && ignored_by_default(sig))) {
        return true;
    }
    if (actions[sig].sa_handler == SIG_DFL) {
        /* As the C library's kill did before POSIX signals (RTEMS: exit(1)). */
        rtems_fatal(RTEMS_FATAL_SOURCE_APPLICATION, (rtems_fatal_code)sig);
    }
    saved_wait = t->wait;
    saved_blocked = s->blocked;
    s->blocked |= actions[sig].sa_mask | bit(sig);
    port_interrupt_restore(t->isr_level);
    if ((actions[sig].sa_flags & SA_SIGINFO) != 0) {
        actions[sig].sa_sigaction(sig, &info, NULL);
    } else {
        actions[sig].sa_handler(sig);
    }
    (void)port_interrupt_disable();
    s->blocked = saved_blocked;
    t->wait = saved_wait;
    return true;
}

static const struct exec_post_switch signal_delivery = {delivery_is_due, deliver};

static int fail(int error)
{
    errno = error;
    return -1;
}

/* kill and sigqueue: sig to the process, with the siginfo's code and value. */
static int process_signal(int pid, int sig, int code, union sigval value)
{
    port_isr_level level;

    if (pid != getpid() && pid != 0 && pid != -1) {
        return fail(ESRCH);
    }
    if (sig == 0) {
        return 0;
    }
    if (!posix_signal_is_valid(sig)) {
        return fail(EINVAL);
    }
    level = exec_directive_lock();
    posix_signal_generate(NULL, sig, code, value);
    exec_dispatch();
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

static int process_kill(int pid, int sig)
{
    return process_signal(pid, sig, SI_USER, (union sigval){0});
}

/* Not queued: one siginfo per number, as any signal here (the latest value). */
int sigqueue(pid_t pid, int sig, const union sigval value)
{
    return process_signal((int)pid, sig, SI_QUEUE, value);
}

void posix_signals_initialize(void)
{
    exec_tq_init(&posix_signal_waiters, EXEC_TQ_PRIORITY);
    exec_dispatch_add_post_switch(&signal_delivery);
    exec_libc_kill_hook = process_kill;
    posix_sleepers = &posix_signal_waiters;
}

void posix_signal_thread_start(const struct exec_thread *t, const struct exec_thread *creator)
{
    struct posix_signal_thread *s = posix_signal_state(t);
    const struct posix_signal_thread *c = posix_signal_state(creator);

    if (s != NULL) {
        *s = (struct posix_signal_thread){.blocked = c != NULL ? c->blocked : 0};
    }
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
    port_isr_level level;

    if (!posix_signal_is_valid(sig) || (act != NULL && (sig == SIGKILL || sig == SIGSTOP))) {
        return fail(EINVAL);
    }
    level = exec_directive_lock();
    if (oact != NULL) {
        *oact = actions[sig];
    }
    if (act != NULL) {
        actions[sig] = *act;
        if (is_ignored(sig)) {
            /* Setting SIG_IGN discards what is pending (POSIX). */
            process_pending &= ~bit(sig);
            for (uint32_t i = 0; i < exec_tasks_info.maximum + exec_posix_threads_info.maximum;
                 i++) {
                exec_posix_config.signal_threads[i].pending &= ~bit(sig);
            }
        }
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *oset)
{
    port_isr_level level = exec_directive_lock();
    struct posix_signal_thread *s = posix_signal_state(exec_executing);
    int error = 0;

    if (s == NULL) {
        error = EINVAL;
    } else {
        if (oset != NULL) {
            *oset = s->blocked;
        }
        if (set == NULL) {
            /* only the query */
        } else if (how == SIG_BLOCK) {
            s->blocked |= *set;
        } else if (how == SIG_UNBLOCK) {
            s->blocked &= ~*set;
        } else if (how == SIG_SETMASK) {
            s->blocked = *set;
        } else {
            error = EINVAL;
        }
        s->blocked &= ~(bit(SIGKILL) | bit(SIGSTOP));
        exec_dispatch(); /* delivers what was just unblocked */
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
    int error = pthread_sigmask(how, set, oset);

    return error != 0 ? fail(error) : 0;
}

int sigpending(sigset_t *set)
{
    port_isr_level level;
    struct posix_signal_thread *s;

    if (set == NULL) {
        return fail(EINVAL);
    }
    level = exec_directive_lock();
    s = posix_signal_state(exec_executing);
    *set = (s != NULL ? s->pending : 0) | process_pending;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int pthread_kill(pthread_t thread, int sig)
{
    port_isr_level level;
    struct exec_thread *t;

    if (sig != 0 && !posix_signal_is_valid(sig)) {
        return EINVAL;
    }
    t = exec_task_lock(thread, &level);
    if (t == NULL) {
        return ESRCH;
    }
    if (sig != 0) {
        posix_signal_generate(t, sig, SI_USER, (union sigval){0});
        exec_dispatch();
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}
