/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Intra-partition communication (tests/system/test_apex_intra.py): buffers,
 * blackboards, semaphores and events, their errors and time-outs, and the
 * FIFO and PRIORITY disciplines. CTL (100) runs the scenario; workers L
 * (20), M (30) and H (40) each wait on their command semaphore, do the one
 * operation CTL gives them, and print its outcome: CTL orders their waits
 * by giving the commands one at a time, with a TIMED_WAIT between.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

enum op { OP_RECV_F, OP_SEND_P, OP_READ_BB, OP_WAIT_SEM_F, OP_WAIT_SEM_P, OP_WAIT_EV };

struct worker {
    const char *name;
    PRIORITY_TYPE priority;
    PROCESS_ID_TYPE id;
    SEMAPHORE_ID_TYPE cmd_sem;
    enum op op;
};

static struct worker workers[3] = {{"L", 20, 0, 0, 0}, {"M", 30, 0, 0, 0}, {"H", 40, 0, 0, 0}};
enum { L, M, H };

static BUFFER_ID_TYPE buf_f, buf_p;
static BLACKBOARD_ID_TYPE bb;
static SEMAPHORE_ID_TYPE sem_f, sem_p;
static EVENT_ID_TYPE ev;

static void worker_body(int self)
{
    struct worker *w = &workers[self];
    APEX_BYTE msg[16];
    MESSAGE_SIZE_TYPE len = 0;
    RETURN_CODE_TYPE r;

    for (;;) {
        WAIT_SEMAPHORE(w->cmd_sem, INFINITE_TIME_VALUE, &r);
        switch (w->op) {
        case OP_RECV_F:
            RECEIVE_BUFFER(buf_f, INFINITE_TIME_VALUE, msg, &len, &r);
            printf("INTRA: %s received %.*s %s\n", w->name, (int)len, (char *)msg, rc_name(r));
            break;
        case OP_SEND_P:
            SEND_BUFFER(buf_p, (MESSAGE_ADDR_TYPE)w->name, 1, INFINITE_TIME_VALUE, &r);
            printf("INTRA: %s sent %s\n", w->name, rc_name(r));
            break;
        case OP_READ_BB:
            READ_BLACKBOARD(bb, INFINITE_TIME_VALUE, msg, &len, &r);
            printf("INTRA: %s read %.*s %s\n", w->name, (int)len, (char *)msg, rc_name(r));
            break;
        case OP_WAIT_SEM_F:
        case OP_WAIT_SEM_P:
            WAIT_SEMAPHORE(w->op == OP_WAIT_SEM_F ? sem_f : sem_p, INFINITE_TIME_VALUE, &r);
            printf("INTRA: %s got %s %s\n", w->name, w->op == OP_WAIT_SEM_F ? "sem_f" : "sem_p",
                   rc_name(r));
            break;
        case OP_WAIT_EV:
            WAIT_EVENT(ev, INFINITE_TIME_VALUE, &r);
            printf("INTRA: %s event %s\n", w->name, rc_name(r));
            break;
        }
    }
}

static void l_body(void)
{
    worker_body(L);
}

static void m_body(void)
{
    worker_body(M);
}

static void h_body(void)
{
    worker_body(H);
}

/* Gives each worker of order (e.g. "LHM") op, one after another. */
static void command(const char *order, enum op op)
{
    RETURN_CODE_TYPE r;

    for (const char *c = order; *c; c++) {
        struct worker *w = &workers[*c == 'L' ? L : *c == 'M' ? M : H];

        w->op = op;
        SIGNAL_SEMAPHORE(w->cmd_sem, &r);
        TIMED_WAIT(MS(2), &r);
    }
}

static void waiting(const char *what, WAITING_RANGE_TYPE n)
{
    printf("INTRA: %s waiting %d\n", what, (int)n);
}

static void buffers(void)
{
    APEX_BYTE msg[32];
    MESSAGE_SIZE_TYPE len;
    BUFFER_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    /* FIFO receivers: the longest waiting gets each message. */
    command("LHM", OP_RECV_F);
    GET_BUFFER_STATUS(buf_f, &st, &r);
    waiting("buf_f receivers", st.WAITING_PROCESSES);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "m1", 2, 0, &r);
    rc("send_buffer", r);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "m2", 2, 0, &r);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "m3", 2, 0, &r);
    TIMED_WAIT(MS(2), &r);
    /* The buffer: FIFO of messages. */
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "a", 1, 0, &r);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "bb", 2, 0, &r);
    GET_BUFFER_STATUS(buf_f, &st, &r);
    printf("INTRA: buf_f status %d/%d size %d waiting %d\n", (int)st.NB_MESSAGE,
           (int)st.MAX_NB_MESSAGE, (int)st.MAX_MESSAGE_SIZE, (int)st.WAITING_PROCESSES);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "c", 1, 0, &r);
    rc("send_buffer_full", r);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "c", 1, MS(3), &r);
    rc("send_buffer_timed_out", r);
    RECEIVE_BUFFER(buf_f, 0, msg, &len, &r);
    printf("INTRA: CTL received %.*s\n", (int)len, (char *)msg);
    RECEIVE_BUFFER(buf_f, 0, msg, &len, &r);
    printf("INTRA: CTL received %.*s\n", (int)len, (char *)msg);
    RECEIVE_BUFFER(buf_f, 0, msg, &len, &r);
    rc("receive_buffer_empty", r);
    RECEIVE_BUFFER(buf_f, MS(3), msg, &len, &r);
    rc("receive_buffer_timed_out", r);
    /* PRIORITY senders behind a full buffer: the most important first. */
    SEND_BUFFER(buf_p, (MESSAGE_ADDR_TYPE) "x", 1, 0, &r);
    command("LHM", OP_SEND_P);
    GET_BUFFER_STATUS(buf_p, &st, &r);
    waiting("buf_p senders", st.WAITING_PROCESSES);
    for (int i = 0; i < 4; i++) {
        RECEIVE_BUFFER(buf_p, 0, msg, &len, &r);
        printf("INTRA: buf_p gave %.*s\n", (int)len, (char *)msg);
    }
    TIMED_WAIT(MS(2), &r);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "toolong-toolong-1", 17, 0, &r);
    rc("send_buffer_too_long", r);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "x", 0, 0, &r);
    rc("send_buffer_empty_message", r);
    SEND_BUFFER(buf_f, (MESSAGE_ADDR_TYPE) "x", 1, -5, &r);
    rc("send_buffer_bad_time", r);
    SEND_BUFFER(99, (MESSAGE_ADDR_TYPE) "x", 1, 0, &r);
    rc("send_buffer_bad_id", r);
    RECEIVE_BUFFER(99, 0, msg, &len, &r);
    rc("receive_buffer_bad_id", r);
    RECEIVE_BUFFER(buf_f, -5, msg, &len, &r);
    rc("receive_buffer_bad_time", r);
    GET_BUFFER_STATUS(99, &st, &r);
    rc("buffer_status_bad_id", r);
}

static void blackboards(void)
{
    APEX_BYTE msg[32];
    MESSAGE_SIZE_TYPE len;
    BLACKBOARD_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    READ_BLACKBOARD(bb, 0, msg, &len, &r);
    rc("read_blackboard_empty", r);
    READ_BLACKBOARD(bb, MS(3), msg, &len, &r);
    rc("read_blackboard_timed_out", r);
    command("LMH", OP_READ_BB);
    GET_BLACKBOARD_STATUS(bb, &st, &r);
    waiting("bb readers", st.WAITING_PROCESSES);
    DISPLAY_BLACKBOARD(bb, (MESSAGE_ADDR_TYPE) "news", 4, &r);
    rc("display_blackboard", r);
    TIMED_WAIT(MS(2), &r);
    GET_BLACKBOARD_STATUS(bb, &st, &r);
    printf("INTRA: bb status %s size %d waiting %d\n",
           st.EMPTY_INDICATOR == OCCUPIED ? "OCCUPIED" : "EMPTY", (int)st.MAX_MESSAGE_SIZE,
           (int)st.WAITING_PROCESSES);
    DISPLAY_BLACKBOARD(bb, (MESSAGE_ADDR_TYPE) "later", 5, &r);
    READ_BLACKBOARD(bb, 0, msg, &len, &r);
    printf("INTRA: CTL read %.*s %s\n", (int)len, (char *)msg, rc_name(r));
    DISPLAY_BLACKBOARD(bb, (MESSAGE_ADDR_TYPE) "toolong-toolong-1", 17, &r);
    rc("display_blackboard_too_long", r);
    DISPLAY_BLACKBOARD(bb, (MESSAGE_ADDR_TYPE) "x", 0, &r);
    rc("display_blackboard_empty_message", r);
    DISPLAY_BLACKBOARD(99, (MESSAGE_ADDR_TYPE) "x", 1, &r);
    rc("display_blackboard_bad_id", r);
    CLEAR_BLACKBOARD(bb, &r);
    rc("clear_blackboard", r);
    GET_BLACKBOARD_STATUS(bb, &st, &r);
    printf("INTRA: bb cleared %s\n", st.EMPTY_INDICATOR == EMPTY ? "EMPTY" : "OCCUPIED");
    READ_BLACKBOARD(bb, 0, msg, &len, &r);
    rc("read_blackboard_cleared", r);
    READ_BLACKBOARD(bb, -5, msg, &len, &r);
    rc("read_blackboard_bad_time", r);
    CLEAR_BLACKBOARD(99, &r);
    rc("clear_blackboard_bad_id", r);
    READ_BLACKBOARD(99, 0, msg, &len, &r);
    rc("read_blackboard_bad_id", r);
    GET_BLACKBOARD_STATUS(99, &st, &r);
    rc("blackboard_status_bad_id", r);
}

/* Signals s once per waiting worker, letting each woken one print. */
static void release_one_by_one(SEMAPHORE_ID_TYPE s, int n)
{
    SEMAPHORE_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    for (int i = 0; i < n; i++) {
        SIGNAL_SEMAPHORE(s, &r);
        TIMED_WAIT(MS(2), &r);
    }
    GET_SEMAPHORE_STATUS(s, &st, &r);
    printf("INTRA: sem value %d max %d waiting %d\n", (int)st.CURRENT_VALUE, (int)st.MAXIMUM_VALUE,
           (int)st.WAITING_PROCESSES);
}

static void semaphores(void)
{
    SEMAPHORE_STATUS_TYPE st;
    RETURN_CODE_TYPE r;
    LOCK_LEVEL_TYPE level;

    command("LHM", OP_WAIT_SEM_F);
    GET_SEMAPHORE_STATUS(sem_f, &st, &r);
    waiting("sem_f", st.WAITING_PROCESSES);
    release_one_by_one(sem_f, 3);
    command("LHM", OP_WAIT_SEM_P);
    release_one_by_one(sem_p, 3);
    for (int i = 0; i < 3; i++) {
        SIGNAL_SEMAPHORE(sem_f, &r);
    }
    rc("signal_semaphore", r);
    SIGNAL_SEMAPHORE(sem_f, &r);
    rc("signal_semaphore_at_max", r);
    WAIT_SEMAPHORE(sem_f, 0, &r);
    rc("wait_semaphore", r);
    GET_SEMAPHORE_STATUS(sem_f, &st, &r);
    printf("INTRA: sem_f value %d\n", (int)st.CURRENT_VALUE);
    WAIT_SEMAPHORE(sem_p, 0, &r);
    rc("wait_semaphore_zero", r);
    WAIT_SEMAPHORE(sem_p, MS(3), &r);
    rc("wait_semaphore_timed_out", r);
    WAIT_SEMAPHORE(sem_p, -5, &r);
    rc("wait_semaphore_bad_time", r);
    WAIT_SEMAPHORE(99, 0, &r);
    rc("wait_semaphore_bad_id", r);
    SIGNAL_SEMAPHORE(99, &r);
    rc("signal_semaphore_bad_id", r);
    GET_SEMAPHORE_STATUS(99, &st, &r);
    rc("semaphore_status_bad_id", r);
    LOCK_PREEMPTION(&level, &r);
    WAIT_SEMAPHORE(sem_p, MS(3), &r);
    rc("wait_semaphore_locked", r);
    UNLOCK_PREEMPTION(&level, &r);
    /* A stopped process leaves the queue it waited in. */
    command("M", OP_WAIT_SEM_P);
    STOP(workers[M].id, &r);
    GET_SEMAPHORE_STATUS(sem_p, &st, &r);
    waiting("sem_p after STOP", st.WAITING_PROCESSES);
    START(workers[M].id, &r);
}

static void events(void)
{
    EVENT_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    WAIT_EVENT(ev, 0, &r);
    rc("wait_event_down", r);
    WAIT_EVENT(ev, MS(3), &r);
    rc("wait_event_timed_out", r);
    command("LMH", OP_WAIT_EV);
    GET_EVENT_STATUS(ev, &st, &r);
    waiting("ev", st.WAITING_PROCESSES);
    SET_EVENT(ev, &r);
    rc("set_event", r);
    TIMED_WAIT(MS(2), &r);
    GET_EVENT_STATUS(ev, &st, &r);
    printf("INTRA: ev %s waiting %d\n", st.EVENT_STATE == UP ? "UP" : "DOWN",
           (int)st.WAITING_PROCESSES);
    WAIT_EVENT(ev, 0, &r);
    rc("wait_event_up", r);
    RESET_EVENT(ev, &r);
    rc("reset_event", r);
    GET_EVENT_STATUS(ev, &st, &r);
    printf("INTRA: ev reset %s\n", st.EVENT_STATE == UP ? "UP" : "DOWN");
    WAIT_EVENT(ev, -5, &r);
    rc("wait_event_bad_time", r);
    WAIT_EVENT(99, 0, &r);
    rc("wait_event_bad_id", r);
    SET_EVENT(99, &r);
    rc("set_event_bad_id", r);
    RESET_EVENT(99, &r);
    rc("reset_event_bad_id", r);
    GET_EVENT_STATUS(99, &st, &r);
    rc("event_status_bad_id", r);
}

static void create_in_normal(void)
{
    BUFFER_ID_TYPE b;
    BLACKBOARD_ID_TYPE k;
    SEMAPHORE_ID_TYPE s;
    EVENT_ID_TYPE e;
    RETURN_CODE_TYPE r;

    CREATE_BUFFER("LATEBUF", 4, 1, FIFO, &b, &r);
    rc("create_buffer_normal", r);
    CREATE_BLACKBOARD("LATEBB", 4, &k, &r);
    rc("create_blackboard_normal", r);
    CREATE_SEMAPHORE("LATESEM", 0, 1, FIFO, &s, &r);
    rc("create_semaphore_normal", r);
    CREATE_EVENT("LATEEV", &e, &r);
    rc("create_event_normal", r);
}

static void ctl_body(void)
{
    buffers();
    blackboards();
    semaphores();
    events();
    create_in_normal();
    printf("INTRA: done\n");
    exit(0);
}

/* COLD_START: the objects, their creation errors, and what the Init task
 * (not a process: it may not wait) gets. */
void intra_role(void)
{
    APEX_BYTE msg[16];
    MESSAGE_SIZE_TYPE len;
    BUFFER_ID_TYPE b;
    BLACKBOARD_ID_TYPE k;
    SEMAPHORE_ID_TYPE s;
    EVENT_ID_TYPE e;
    RETURN_CODE_TYPE r;
    char name[MAX_NAME_LENGTH];
    int n = 0;

    CREATE_BUFFER("BUFX", 0, 2, FIFO, &b, &r);
    rc("create_buffer_size_zero", r);
    CREATE_BUFFER("BUFX", 16, 0, FIFO, &b, &r);
    rc("create_buffer_depth_zero", r);
    CREATE_BUFFER("BUFX", SYSTEM_LIMIT_MESSAGE_SIZE + 1, 2, FIFO, &b, &r);
    rc("create_buffer_size_above_limit", r);
    CREATE_BUFFER("BUFX", 16, SYSTEM_LIMIT_NUMBER_OF_MESSAGES + 1, FIFO, &b, &r);
    rc("create_buffer_depth_above_limit", r);
    CREATE_BUFFER("BUFX", 16, 2, (QUEUING_DISCIPLINE_TYPE)7, &b, &r);
    rc("create_buffer_bad_discipline", r);
    CREATE_BUFFER("BUFX", SYSTEM_LIMIT_MESSAGE_SIZE, SYSTEM_LIMIT_NUMBER_OF_MESSAGES, FIFO, &b, &r);
    rc("create_buffer_no_storage", r);
    CREATE_BUFFER("BUF_F", 16, 2, FIFO, &buf_f, &r);
    rc("create_buffer", r);
    CREATE_BUFFER("BUF_F", 16, 2, FIFO, &b, &r);
    rc("create_buffer_again", r);
    CREATE_BUFFER("BUF_P", 16, 1, PRIORITY, &buf_p, &r);
    GET_BUFFER_ID("BUF_P", &b, &r);
    rc("get_buffer_id", r);
    printf("INTRA: BUF_P id %s\n", b == buf_p ? "matches" : "WRONG");
    GET_BUFFER_ID("NOBUF", &b, &r);
    rc("get_buffer_id_unknown", r);
    CREATE_BLACKBOARD("BBX", 0, &k, &r);
    rc("create_blackboard_size_zero", r);
    CREATE_BLACKBOARD("BBX", SYSTEM_LIMIT_MESSAGE_SIZE + 1, &k, &r);
    rc("create_blackboard_size_above_limit", r);
    CREATE_BLACKBOARD("BB", 16, &bb, &r);
    rc("create_blackboard", r);
    CREATE_BLACKBOARD("BB", 16, &k, &r);
    rc("create_blackboard_again", r);
    GET_BLACKBOARD_ID("BB", &k, &r);
    rc("get_blackboard_id", r);
    GET_BLACKBOARD_ID("NOBB", &k, &r);
    rc("get_blackboard_id_unknown", r);
    CREATE_SEMAPHORE("SEMX", 2, 1, FIFO, &s, &r);
    rc("create_semaphore_above_max", r);
    CREATE_SEMAPHORE("SEMX", -1, 1, FIFO, &s, &r);
    rc("create_semaphore_negative", r);
    CREATE_SEMAPHORE("SEMX", 0, 0, FIFO, &s, &r);
    rc("create_semaphore_max_zero", r);
    CREATE_SEMAPHORE("SEMX", 0, MAX_SEMAPHORE_VALUE + 1, FIFO, &s, &r);
    rc("create_semaphore_max_too_big", r);
    CREATE_SEMAPHORE("SEMX", 0, 1, (QUEUING_DISCIPLINE_TYPE)7, &s, &r);
    rc("create_semaphore_bad_discipline", r);
    CREATE_SEMAPHORE("SEM_F", 0, 3, FIFO, &sem_f, &r);
    rc("create_semaphore", r);
    CREATE_SEMAPHORE("SEM_F", 0, 3, FIFO, &s, &r);
    rc("create_semaphore_again", r);
    CREATE_SEMAPHORE("SEM_P", 0, 1, PRIORITY, &sem_p, &r);
    GET_SEMAPHORE_ID("SEM_P", &s, &r);
    rc("get_semaphore_id", r);
    GET_SEMAPHORE_ID("NOSEM", &s, &r);
    rc("get_semaphore_id_unknown", r);
    for (int i = 0; i < 3; i++) {
        snprintf(name, sizeof(name), "CMD_%s", workers[i].name);
        CREATE_SEMAPHORE(name, 0, 1, FIFO, &workers[i].cmd_sem, &r);
    }
    CREATE_EVENT("EV", &ev, &r);
    rc("create_event", r);
    CREATE_EVENT("EV", &e, &r);
    rc("create_event_again", r);
    GET_EVENT_ID("EV", &e, &r);
    rc("get_event_id", r);
    GET_EVENT_ID("NOEV", &e, &r);
    rc("get_event_id_unknown", r);
    do {
        snprintf(name, sizeof(name), "EV%d", n++);
        CREATE_EVENT(name, &e, &r);
    } while (r == NO_ERROR && n < 100);
    rc("create_event_table_full", r);
    printf("INTRA: events created %d\n", n);
    /* The Init task: NOT_AVAILABLE without a time-out, INVALID_MODE with. */
    SEND_BUFFER(buf_p, (MESSAGE_ADDR_TYPE) "i", 1, 0, &r);
    SEND_BUFFER(buf_p, (MESSAGE_ADDR_TYPE) "i", 1, 0, &r);
    rc("init_send_full", r);
    SEND_BUFFER(buf_p, (MESSAGE_ADDR_TYPE) "i", 1, MS(1), &r);
    rc("init_send_wait", r);
    RECEIVE_BUFFER(buf_p, MS(1), msg, &len, &r);
    rc("init_receive", r);
    RECEIVE_BUFFER(buf_p, MS(1), msg, &len, &r);
    rc("init_receive_wait", r);
    WAIT_SEMAPHORE(sem_f, MS(1), &r);
    rc("init_wait_semaphore", r);
    WAIT_EVENT(ev, MS(1), &r);
    rc("init_wait_event", r);
    READ_BLACKBOARD(bb, MS(1), msg, &len, &r);
    rc("init_read_blackboard", r);
    PROCESS_ID_TYPE ctl =
        make_process("CTL", ctl_body, 100, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    workers[L].id =
        make_process("L", l_body, workers[L].priority, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    workers[M].id =
        make_process("M", m_body, workers[M].priority, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    workers[H].id =
        make_process("H", h_body, workers[H].priority, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    START(ctl, &r);
    for (int i = 0; i < 3; i++) {
        START(workers[i].id, &r);
    }
}
