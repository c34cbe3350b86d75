#ifndef CONFAB_CNCURSESW_SHIM_H
#define CONFAB_CNCURSESW_SHIM_H

// The wide-character API is declared only when these are defined before the header.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift does not import function-like macros or the globals that Swift 6 rejects
// (stdscr, COLORS, COLOR_PAIRS), so each one used by Confab has a getter here.

static inline WINDOW *confab_stdscr(void) { return stdscr; }
static inline int confab_colors(void) { return COLORS; }
static inline int confab_color_pairs(void) { return COLOR_PAIRS; }
static inline int confab_getmaxy(const WINDOW *window) { return getmaxy(window); }
static inline int confab_getmaxx(const WINDOW *window) { return getmaxx(window); }

static inline attr_t confab_attr_normal(void) { return A_NORMAL; }
static inline attr_t confab_attr_bold(void) { return A_BOLD; }
static inline attr_t confab_attr_dim(void) { return A_DIM; }
static inline attr_t confab_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t confab_attr_reverse(void) { return A_REVERSE; }
static inline attr_t confab_attr_italic(void) { return A_ITALIC; }

static inline int confab_key_f(int n) { return KEY_F(n); }

/// Cells that the C library gives a wide character: 0, 1, 2, or -1 for unprintable and unknown.
static inline int confab_wcwidth(wchar_t character) { return wcwidth(character); }

static inline const char *confab_codeset(void) { return nl_langinfo(CODESET); }

static inline mmask_t confab_wheel_up_mask(void) { return BUTTON4_PRESSED; }
static inline mmask_t confab_wheel_down_mask(void) { return BUTTON5_PRESSED; }

// Line-drawing characters as ncurses chooses them for the terminal: Unicode box drawing in a
// UTF-8 locale, the alternate character set otherwise.
static inline const cchar_t *confab_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *confab_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *confab_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *confab_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *confab_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *confab_wacs_lrcorner(void) { return WACS_LRCORNER; }
static inline const cchar_t *confab_wacs_ltee(void) { return WACS_LTEE; }
static inline const cchar_t *confab_wacs_rtee(void) { return WACS_RTEE; }
static inline const cchar_t *confab_wacs_ttee(void) { return WACS_TTEE; }
static inline const cchar_t *confab_wacs_btee(void) { return WACS_BTEE; }
static inline const cchar_t *confab_wacs_plus(void) { return WACS_PLUS; }

/// Starts ncurses on the process's standard input and output. Returns NULL, without exiting
/// the process the way `initscr` does, when the terminal type is unknown.
static inline SCREEN *confab_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

/// Reads the window size of the terminal on `fd`. Returns 0 on success, -1 with errno set.
static inline int confab_terminal_size(int fd, int *row_count, int *column_count) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) {
        return -1;
    }
    *row_count = size.ws_row;
    *column_count = size.ws_col;
    return 0;
}

/// Creates a non-blocking, close-on-exec pipe. Returns 0 on success, -1 with errno set.
static inline int confab_make_pipe(int descriptors[2]) {
    return pipe2(descriptors, O_CLOEXEC | O_NONBLOCK);
}

// MARK: Terminal guard
//
// Restores the terminal from signal handlers. Everything a handler touches is prepared before
// the handler can run: the bytes that leave the alternate screen, show the cursor and reset
// attributes, and the terminal modes saved before ncurses started. A handler only calls
// write(2), tcsetattr(3), sigaction(2) and raise(3), which POSIX lists as async-signal-safe;
// endwin(3) is not on that list.
//
// The state lives in one function-local static. Every object file that calls a static inline
// function gets its own copy of it, static included, and a debug build of a Swift module makes
// one object file per Swift file: so exactly one Swift file (TerminalGuard.swift) calls these.

typedef struct {
    volatile sig_atomic_t is_active;
    volatile sig_atomic_t is_loop_running;
    volatile sig_atomic_t termination_count;
    int terminal_fd;
    int signal_pipe_fd;
    int has_termios;
    struct termios saved_termios;
    char restore_bytes[512];
    size_t restore_length;
    int is_installed;
    struct sigaction previous_actions[NSIG];
} confab_terminal_guard;

static inline confab_terminal_guard *confab_guard_state(void) {
    static confab_terminal_guard state = { .terminal_fd = -1, .signal_pipe_fd = -1 };
    return &state;
}

static const int confab_guard_termination_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT };
static const int confab_guard_crash_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP };

/// Saves the terminal modes of `fd` so that a handler can put them back.
static inline int confab_guard_save_modes(int fd) {
    confab_terminal_guard *state = confab_guard_state();
    state->terminal_fd = fd;
    state->has_termios = tcgetattr(fd, &state->saved_termios) == 0;
    return state->has_termios ? 0 : -1;
}

/// Sets the bytes written to the terminal when it is restored from a handler. Returns -1 when
/// they do not fit.
static inline int confab_guard_set_restore_bytes(const char *bytes, size_t length) {
    confab_terminal_guard *state = confab_guard_state();
    if (length > sizeof(state->restore_bytes)) {
        return -1;
    }
    memcpy(state->restore_bytes, bytes, length);
    state->restore_length = length;
    return 0;
}

static inline void confab_guard_set_signal_pipe(int fd) { confab_guard_state()->signal_pipe_fd = fd; }
static inline void confab_guard_set_active(int is_active) { confab_guard_state()->is_active = is_active; }
static inline void confab_guard_set_loop_running(int is_running) {
    confab_terminal_guard *state = confab_guard_state();
    state->termination_count = 0;
    state->is_loop_running = is_running;
}

/// Puts the terminal back the way it was before ncurses started, once. Async-signal-safe.
static inline void confab_guard_restore_now(void) {
    confab_terminal_guard *state = confab_guard_state();
    if (!state->is_active) {
        return;
    }
    state->is_active = 0;
    if (state->terminal_fd < 0) {
        return;
    }

    size_t written = 0;
    while (written < state->restore_length) {
        ssize_t result = write(state->terminal_fd, state->restore_bytes + written, state->restore_length - written);
        if (result < 0 && errno == EINTR) {
            continue;
        }
        if (result <= 0) {
            break;
        }
        written += (size_t)result;
    }
    if (state->has_termios) {
        tcsetattr(state->terminal_fd, TCSAFLUSH, &state->saved_termios);
    }
}

/// Puts back the action that was in place before the guard and raises `signal_number` again,
/// so the process ends the way it would have without Confab (status, core dump, backtrace).
static inline void confab_guard_reraise(int signal_number) {
    confab_terminal_guard *state = confab_guard_state();
    sigaction(signal_number, &state->previous_actions[signal_number], NULL);
    raise(signal_number);
}

static inline void confab_guard_termination_handler(int signal_number) {
    int saved_errno = errno;
    confab_terminal_guard *state = confab_guard_state();

    // While the event loop runs, the first signal is passed to it through the pipe, and the loop
    // quits cleanly. A second one, or one that arrives outside the loop, restores the terminal
    // here and ends the process.
    if (state->is_loop_running && state->termination_count == 0 && state->signal_pipe_fd >= 0) {
        state->termination_count = 1;
        unsigned char byte = (unsigned char)signal_number;
        if (write(state->signal_pipe_fd, &byte, 1) == 1) {
            errno = saved_errno;
            return;
        }
    }
    confab_guard_restore_now();
    confab_guard_reraise(signal_number);
    errno = saved_errno;
}

static inline void confab_guard_crash_handler(int signal_number) {
    int saved_errno = errno;
    confab_guard_restore_now();
    // The signal stays blocked until this handler returns, so the raised copy reaches the
    // previous action (the default, or Swift's backtracer) right after.
    confab_guard_reraise(signal_number);
    errno = saved_errno;
}

static inline void confab_guard_resize_handler(int signal_number) {
    int saved_errno = errno;
    confab_terminal_guard *state = confab_guard_state();
    if (state->signal_pipe_fd >= 0) {
        unsigned char byte = (unsigned char)signal_number;
        ssize_t ignored = write(state->signal_pipe_fd, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

static inline void confab_guard_install_one(int signal_number, void (*handler)(int)) {
    confab_terminal_guard *state = confab_guard_state();
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = signal_number == SIGWINCH ? SA_RESTART : 0;
    sigaction(signal_number, &action, &state->previous_actions[signal_number]);
}

/// Installs the handlers for termination, crash and resize signals. Call it before `newterm`,
/// because ncurses installs its own handlers only for signals that have none.
static inline void confab_guard_install(void) {
    confab_terminal_guard *state = confab_guard_state();
    if (state->is_installed) {
        return;
    }
    for (size_t i = 0; i < sizeof(confab_guard_termination_signals) / sizeof(int); i++) {
        confab_guard_install_one(confab_guard_termination_signals[i], confab_guard_termination_handler);
    }
    for (size_t i = 0; i < sizeof(confab_guard_crash_signals) / sizeof(int); i++) {
        confab_guard_install_one(confab_guard_crash_signals[i], confab_guard_crash_handler);
    }
    confab_guard_install_one(SIGWINCH, confab_guard_resize_handler);
    state->is_installed = 1;
}

/// Puts back the signal actions that were in place before `confab_guard_install`.
static inline void confab_guard_uninstall(void) {
    confab_terminal_guard *state = confab_guard_state();
    if (!state->is_installed) {
        return;
    }
    for (size_t i = 0; i < sizeof(confab_guard_termination_signals) / sizeof(int); i++) {
        int signal_number = confab_guard_termination_signals[i];
        sigaction(signal_number, &state->previous_actions[signal_number], NULL);
    }
    for (size_t i = 0; i < sizeof(confab_guard_crash_signals) / sizeof(int); i++) {
        int signal_number = confab_guard_crash_signals[i];
        sigaction(signal_number, &state->previous_actions[signal_number], NULL);
    }
    sigaction(SIGWINCH, &state->previous_actions[SIGWINCH], NULL);
    state->is_installed = 0;
}

static inline void confab_guard_restore_at_exit(void) { confab_guard_restore_now(); }

/// Registers an exit(3) hook that restores the terminal if ncurses is still active, once per process.
static inline void confab_guard_register_exit_hook(void) {
    static int is_registered = 0;
    if (!is_registered) {
        is_registered = 1;
        atexit(confab_guard_restore_at_exit);
    }
}

/// Sends SIGTSTP to the process, so the shell's job control takes over (Ctrl-Z in raw mode).
static inline void confab_suspend_process(void) { raise(SIGTSTP); }

#endif
