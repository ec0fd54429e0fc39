#!/usr/bin/env bash
# The whole Tandem stack for one data folder: a private PostgreSQL cluster,
# the tandem FastCGI server and nginx, all on loopback.
#
#   stack.sh start   set up what is missing, start everything, return when it answers
#   stack.sh run     the same, in the foreground until Ctrl-C, then stop
#   stack.sh stop    stop everything started for this data folder
#
# Environment: TANDEM_VAR (data folder, default ./var), PORT (default 8080),
# TANDEM_BIN (the program, default cgi-bin/tandem), DEMO=0 to skip demo data.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=${TANDEM_VAR:-$ROOT/var}
mkdir -p "$VAR"
VAR=$(cd "$VAR" && pwd)
export TANDEM_VAR=$VAR
PORT=${PORT:-8080}
BIN=${TANDEM_BIN:-$ROOT/cgi-bin/tandem}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
export TANDEM_TEMPLATES=${TANDEM_TEMPLATES:-$ROOT/templates}
export TANDEM_SQL=${TANDEM_SQL:-$ROOT/sql}

say() { printf 'tandem: %s\n' "$*"; }
die() { printf 'tandem: %s\n' "$*" >&2; exit 1; }
as_postgres() { runuser -u postgres -- "$@"; }

pg_running() { as_postgres "$PGBIN/pg_ctl" -D "$VAR/pg" status >/dev/null 2>&1; }

start_postgres() {
    mkdir -p "$VAR/pg" "$VAR/pgrun" "$VAR/run" "$VAR/log" "$VAR/nginx"
    chmod 755 "$VAR"
    chown postgres: "$VAR/pg" "$VAR/pgrun"
    touch "$VAR/log/postgresql.log" && chown postgres: "$VAR/log/postgresql.log"
    as_postgres test -x "$VAR" ||
        die "the postgres user cannot reach $VAR: set TANDEM_VAR to a folder it can reach"
    if [ ! -f "$VAR/pg/PG_VERSION" ]; then
        say "creating a PostgreSQL cluster in $VAR/pg"
        as_postgres "$PGBIN/initdb" -D "$VAR/pg" -U tandem -A trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
        # Only a unix socket inside TANDEM_VAR: nothing else can reach it,
        # and two instances never collide on a port.
        cat >>"$VAR/pg/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$VAR/pgrun'
max_connections = 300
shared_buffers = 128MB
CONF
    fi
    if ! pg_running; then
        as_postgres "$PGBIN/pg_ctl" -D "$VAR/pg" -l "$VAR/log/postgresql.log" -w -t 60 \
            start >/dev/null || die "PostgreSQL did not start: see $VAR/log/postgresql.log"
    fi
    if ! "$PGBIN/psql" -h "$VAR/pgrun" -U tandem -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'tandem'" | grep -q 1; then
        "$PGBIN/createdb" -h "$VAR/pgrun" -U tandem tandem
    fi
}

start_app() {
    local pidfile=$VAR/run/tandem.pid
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        return
    fi
    "$BIN" migrate
    [ "${DEMO:-1}" = 0 ] || "$BIN" demo
    "$BIN" serve </dev/null >>"$VAR/log/tandem.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 100); do
        [ -S "$VAR/run/tandem.sock" ] && return
        kill -0 "$(cat "$pidfile")" 2>/dev/null || break
        sleep 0.1
    done
    tail -n 5 "$VAR/log/tandem.log" >&2
    die "tandem did not start: see $VAR/log/tandem.log"
}

# The mail worker, beside the server: sends the outbox (TANDEM_SMTP_URL).
# Links in mails point at this stack unless TANDEM_ORIGIN says otherwise.
start_mail() {
    local pidfile=$VAR/run/mail.pid
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        return
    fi
    TANDEM_ORIGIN=${TANDEM_ORIGIN:-http://127.0.0.1:$PORT} \
        "$BIN" mail </dev/null >>"$VAR/log/mail.log" 2>&1 &
    echo $! >"$pidfile"
}

# nginx workers must read public/; they run as nobody when they can.
nginx_user() {
    if runuser -u nobody -- test -r "$ROOT/public/static-bench.html" 2>/dev/null; then
        echo "nobody nogroup"
    else
        echo "root root"
    fi
}

start_nginx() {
    local pidfile=$VAR/run/nginx.pid
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        return
    fi
    mkdir -p "$VAR/nginx"
    sed -e "s|@VAR@|$VAR|g" -e "s|@ROOT@|$ROOT|g" -e "s|@PORT@|$PORT|g" \
        -e "s|@USER@|$(nginx_user)|g" "$ROOT/conf/nginx.conf.in" >"$VAR/nginx/nginx.conf"
    nginx -e "$VAR/log/nginx-error.log" -p "$VAR/nginx" -c "$VAR/nginx/nginx.conf" ||
        die "nginx did not start: is port $PORT free? See $VAR/log/nginx-error.log"
}

wait_until_answering() {
    for _ in $(seq 100); do
        curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && return
        sleep 0.1
    done
    die "Tandem does not answer on http://127.0.0.1:$PORT/healthz"
}

stop_pid() {
    local pidfile=$1 signal=$2
    [ -f "$pidfile" ] || return 0
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill "-$signal" "$pid" 2>/dev/null || true
        for _ in $(seq 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -f "$pidfile"
}

stop() {
    stop_pid "$VAR/run/nginx.pid" QUIT
    stop_pid "$VAR/run/mail.pid" TERM
    stop_pid "$VAR/run/tandem.pid" TERM
    if [ -f "$VAR/pg/PG_VERSION" ] && pg_running; then
        as_postgres "$PGBIN/pg_ctl" -D "$VAR/pg" -m fast -w stop >/dev/null
    fi
}

start() {
    start_postgres
    start_app
    start_mail
    start_nginx
    wait_until_answering
}

banner() {
    cat <<MSG

  Tandem is running at http://127.0.0.1:$PORT/

  Demo accounts (password: tandem-demo):
    Riverside College
      amira        student, learner and student rep in ENG3-A
      jack         student in ENG3-A
      sofia        student, learner and rep in PSY-Y13
      liam         adult learner in ACC-HLTH
      priya        tutor of ENG3-A
      tom          tutor of PSY-Y13, learning mentor
      grace        tutor of ACC-HLTH
      david        curriculum manager (line manager of priya, tom, grace)
      helen        vice principal, senior leader (line manager of david)
      admin        college administrator
      siteadmin    runs this Tandem for every college
    Northgate Sixth Form College
      nadia        student in MAT-Y12
      northadmin   college administrator

  Data: $VAR   Logs: $VAR/log/

MSG
}

case "${1:-}" in
start)
    start
    banner
    ;;
run)
    trap 'echo; say "stopping"; stop; exit 0' INT TERM
    start
    banner
    echo "  Press Ctrl-C to stop."
    # Ctrl-C reaches tandem too (same process group) and it stops cleanly:
    # then this script stops the rest.
    pid=$(cat "$VAR/run/tandem.pid")
    while kill -0 "$pid" 2>/dev/null; do sleep 1; done
    if tail -n 1 "$VAR/log/tandem.log" | grep -q 'tandem stopped'; then
        echo; say "stopping"; stop; exit 0
    fi
    say "tandem exited unexpectedly: see $VAR/log/tandem.log"
    stop
    exit 1
    ;;
stop) stop ;;
*) die "usage: stack.sh start|run|stop" ;;
esac
