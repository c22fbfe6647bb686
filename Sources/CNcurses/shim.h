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

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }

#endif
