#ifndef KEFU_CLIBEDIT_SHIM_H
#define KEFU_CLIBEDIT_SHIM_H
// libedit from Swift (see ../../docs/repl.md and the project's libedit notes):
// el_set, el_get and history are C-variadic and the stdio globals are not
// usable under Swift 6 strict concurrency, so everything the REPL needs goes
// through these fixed-arity wrappers. Header only: no state lives here (a
// `static` variable would be duplicated per Swift file that uses it).
#include <histedit.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

extern char **environ;

// MARK: - Locale

/// `setlocale(LC_ALL, "")`, then a UTF-8 LC_CTYPE if the environment gave none
/// (LANG unset): without it libedit drops every non-ASCII character and a
/// non-ASCII prompt crashes. Returns 1 when the codeset is UTF-8 afterwards.
static inline int kefu_setup_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)) return 1;
    if (!setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "C.utf8");
    cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// MARK: - EditLine

typedef unsigned char (*kefu_el_fn)(EditLine *, int);
typedef wchar_t *(*kefu_el_wprompt_fn)(EditLine *);

static inline EditLine *kefu_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}

static inline int kefu_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// EL_SIGNAL, EL_EDITMODE, EL_UNBUFFERED and the other int-valued settings.
static inline int kefu_el_set_int(EditLine *el, int op, int value) {
    return el_set(el, op, value);
}

/// A wide prompt; characters between two `esc` are sent as is and take no room
/// (colour escapes).
static inline int kefu_el_set_prompt(EditLine *el, kefu_el_wprompt_fn fn, wchar_t esc) {
    return el_wset(el, EL_PROMPT_ESC, fn, esc);
}

static inline int kefu_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *kefu_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int kefu_el_addfn(EditLine *el, const char *name, const char *help, kefu_el_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int kefu_el_bind(EditLine *el, const char *keys, const char *function) {
    return el_set(el, EL_BIND, keys, function, NULL);
}

static inline int kefu_el_set_history(EditLine *el, HistoryW *h) {
    return el_wset(el, EL_HIST, history_w, h);
}

static inline int kefu_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/// Flow control (IXON) off while libedit edits, whatever the terminal's
/// settings become: Ctrl-S and Ctrl-Q are keys (history search), never a
/// frozen screen.
static inline int kefu_el_no_flow_control(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-ixon", NULL);
}

typedef int (*kefu_el_getc_fn)(EditLine *, wchar_t *);

/// The function libedit reads each character with; NULL: libedit's own.
static inline int kefu_el_set_getcfn(EditLine *el, kefu_el_getc_fn fn) {
    return el_wset(el, EL_GETCFN, fn);
}

// MARK: - History (wide)

static inline HistoryW *kefu_history_init(int size) {
    HistoryW *h = history_winit();
    if (h) {
        HistEventW ev;
        history_w(h, &ev, H_SETSIZE, size);
        history_w(h, &ev, H_SETUNIQUE, 1);
    }
    return h;
}

static inline int kefu_history_enter(HistoryW *h, const wchar_t *line) {
    HistEventW ev;
    return history_w(h, &ev, H_ENTER, line);
}

static inline int kefu_history_clear(HistoryW *h) {
    HistEventW ev;
    return history_w(h, &ev, H_CLEAR);
}

// MARK: - Signals

/// Installs `handler` for `sig` with `flags` (0: no SA_RESTART, so a Ctrl-C
/// interrupts the read and el_wgets returns).
static inline int kefu_sigaction(int sig, void (*handler)(int), int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    return sigaction(sig, &sa, NULL);
}

static inline int kefu_signal_default(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    return sigaction(sig, &sa, NULL);
}

static inline int kefu_signal_ignore(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigemptyset(&sa.sa_mask);
    return sigaction(sig, &sa, NULL);
}

/// Blocks SIGHUP, SIGINT and SIGTERM (a closed terminal, Ctrl-C, kill) while a
/// file is replaced; `old` receives the previous mask for `kefu_restore_mask`.
static inline int kefu_block_termination(sigset_t *old) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return sigprocmask(SIG_BLOCK, &set, old);
}

/// Unblocks the signals the REPL relies on (Ctrl-C, resize, hang-up,
/// termination): a parent may have started kefu with them blocked, and a
/// blocked SIGINT would make Ctrl-C do nothing.
static inline int kefu_unblock_repl_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGQUIT);
    sigaddset(&set, SIGCONT);
    sigaddset(&set, SIGTSTP);
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static inline int kefu_restore_mask(const sigset_t *old) {
    return sigprocmask(SIG_SETMASK, old, NULL);
}

/// The last words of a dying REPL, async-signal-safe: put the terminal back as
/// it was (`saved`, may be NULL), switch bracketed paste off and reset colours,
/// then die of `sig` the default way.
static inline void kefu_restore_and_reraise(int sig, const struct termios *saved) {
    static const char reset[] = "\033[?2004l\033[0m";
    if (saved && isatty(0)) tcsetattr(0, TCSANOW, saved);
    if (isatty(1)) { ssize_t n = write(1, reset, sizeof reset - 1); (void)n; }
    kefu_signal_default(sig);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
}

// MARK: - Terminal

/// Turns flow control (IXON: Ctrl-S stops output, Ctrl-Q resumes) off on
/// `fd`, so Ctrl-S reaches the program. Returns 0 on success.
static inline int kefu_terminal_disable_flow_control(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) != 0) return -1;
    if (!(t.c_iflag & IXON)) return 0;
    t.c_iflag &= ~IXON;
    return tcsetattr(fd, TCSADRAIN, &t);
}

/// Waits until `fd` can be read (or hangs up). -1 with errno EINTR when a
/// signal came first.
static inline int kefu_wait_readable(int fd) {
    struct pollfd p;
    p.fd = fd;
    p.events = POLLIN;
    p.revents = 0;
    return poll(&p, 1, -1);
}

/// Columns of the terminal on `fd`, 0 when unknown.
static inline int kefu_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

// MARK: - Processes

/// Starts `file` (looked up on PATH, never through a shell) with `argv` and
/// the current environment. `in`, `out`, `err`: descriptors to give the child
/// as 0, 1, 2, or -1 to let it inherit ours (the terminal). `close_fd`: a
/// descriptor the child must not keep (the other end of a pipe), or -1.
/// Signals the REPL catches or ignores are reset to their defaults in the
/// child, and its signal mask is emptied.
static inline int kefu_spawn(const char *file, char *const argv[], int in, int out, int err, int close_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    int rc;
    if ((rc = posix_spawn_file_actions_init(&actions)) != 0) return rc;
    if ((rc = posix_spawnattr_init(&attr)) != 0) { posix_spawn_file_actions_destroy(&actions); return rc; }
    if (in >= 0 && in != 0) posix_spawn_file_actions_adddup2(&actions, in, 0);
    if (out >= 0 && out != 1) posix_spawn_file_actions_adddup2(&actions, out, 1);
    if (err >= 0 && err != 2) posix_spawn_file_actions_adddup2(&actions, err, 2);
    if (close_fd > 2) posix_spawn_file_actions_addclose(&actions, close_fd);
    sigset_t defaults, empty;
    sigemptyset(&defaults);
    int sigs[] = { SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH, SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaddset(&defaults, sigs[i]);
    sigemptyset(&empty);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &empty);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    rc = posix_spawnp(pid, file, &actions, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    return rc;
}

/// waitpid, retrying on EINTR. Returns the exit status (0-255), 128+signal for
/// a child killed by a signal, or -1 on error. `nohang`: return -2 when the
/// child is still running.
static inline int kefu_wait(pid_t pid, int nohang) {
    int status = 0;
    for (;;) {
        pid_t r = waitpid(pid, &status, nohang ? WNOHANG : 0);
        if (r == 0) return -2;
        if (r < 0) { if (errno == EINTR) continue; return -1; }
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
        return -1;
    }
}

/// A pipe whose ends are closed on exec (the child gets its end through dup2).
static inline int kefu_pipe(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

#endif
