#ifndef CONFAB_CNCURSESW_SHIM_H
#define CONFAB_CNCURSESW_SHIM_H

// The wide-character API is declared only when these are defined before the header.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

#endif
