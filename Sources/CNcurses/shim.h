// Bridges libncursesw into Swift.
//
// Swift 6 strict concurrency rejects ncurses' mutable C globals (stdscr, LINES, COLS, COLORS),
// so they are reached through these inline accessors instead.
#ifndef REACH_CNCURSES_SHIM_H
#define REACH_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <unistd.h>

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }

// Attribute bits are function-like macros, which Swift does not import.
static inline attr_t nc_attr_bold(void) { return A_BOLD; }
static inline attr_t nc_attr_dim(void) { return A_DIM; }
static inline attr_t nc_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_attr_reverse(void) { return A_REVERSE; }

// ioctl and fcntl are variadic in C, so Swift cannot call them directly.
static inline int nc_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}
static inline int nc_set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

#endif
