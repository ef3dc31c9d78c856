#ifndef KEFU_CLIBEDIT_SHIM_H
#define KEFU_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>

/* el_set, el_get and history are C-variadic, which Swift cannot call:
   these fixed-arity wrappers are what the REPL uses. el_init takes the
   stdio globals, which Swift 6 strict concurrency rejects, so it is
   wrapped too. */

static inline EditLine *kefu_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}
#endif
