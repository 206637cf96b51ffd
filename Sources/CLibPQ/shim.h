#include <libpq-fe.h>
#if __has_include(<pg_config_manual.h>)
#include <pg_config_manual.h>
#endif

/// The folder where libpq looks for a server's Unix socket when no host is given: the
/// DEFAULT_PGSOCKET_DIR libpq was built with (Debian's is /var/run/postgresql), or upstream's
/// /tmp where the header that says so is not installed.
static inline const char *sparkify_default_socket_directory(void) {
#ifdef DEFAULT_PGSOCKET_DIR
    return DEFAULT_PGSOCKET_DIR;
#else
    return "/tmp";
#endif
}
