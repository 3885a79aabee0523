#!/usr/bin/env bash
# A throw-away 3-node MariaDB Galera cluster on loopback, for the distributed test suite.
#
#   cluster.sh start  DIR     first time: initialise, bootstrap node 1, join nodes 2 and 3;
#                             with some nodes up: (re)join the missing ones (recovering the
#                             position of a killed node first, so it catches up by IST)
#   cluster.sh stop   DIR     clean shutdown: nodes 2 and 3, then node 1 last (it bootstraps next time)
#   cluster.sh status DIR     wsrep state of each node; exit 0 only when all three are Synced
#   cluster.sh kill   DIR N   SIGKILL node N (a crash, for failure tests)
#   cluster.sh clean  DIR     stop, then remove the nodes' files
#
# SQL on 127.0.0.1:3321..3323 (root, empty password, database `test`); group communication
# 4671.., IST 4681.., SST 4691.. - clear of a MariaDB on 3306 and of ../shared's 3311.. cluster.
# Needs mariadb-server, galera-4 and rsync. Runs mariadbd as `mysql` when run as root, so DIR
# must be reachable by that user (/tmp/... is).
set -euo pipefail

MARIADBD=${MARIADBD:-/usr/sbin/mariadbd}
GALERA_LIB=${GALERA_LIB:-/usr/lib/galera/libgalera_smm.so}
INSTALL_DB=${INSTALL_DB:-$(command -v mariadb-install-db || command -v mysql_install_db || true)}
CLIENT=${CLIENT:-$(command -v mariadb || command -v mysql || true)}
SQL_BASE=${GALERA_SQL_BASE:-3320}
GCOMM_BASE=4670
IST_BASE=4680
SST_BASE=4690
TIMEOUT=${GALERA_TIMEOUT:-90}
NODES=(1 2 3)

die() { echo "cluster.sh: $*" >&2; exit 1; }
log() { echo "cluster.sh: $*"; }

[[ $# -ge 2 ]] || die "usage: $0 start|stop|status|kill|clean DIR [NODE]"
CMD=$1
DIR=$(realpath -m -- "$2")
[[ $DIR != / ]] || die "refusing DIR=/"
if [[ $EUID -eq 0 ]]; then RUN_USER=mysql; else RUN_USER=$(id -un); fi

node() { echo "$DIR/node$1"; }
sql() { "$CLIENT" --no-defaults --connect-timeout=2 -S "$(node "$1")/mysqld.sock" -uroot -N -B -e "$2" 2>/dev/null; }
wstat() { sql "$1" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='$2'"; }

# The pid of node N's mariadbd, only if that process really runs with node N's my.cnf.
node_pid() {
  local f pid cmd
  for f in "$(node "$1")/mysqld.pid" "$(node "$1")/launch.pid"; do
    [[ -s $f ]] || continue
    pid=$(tr -dc '0-9' <"$f")
    [[ -n $pid ]] || continue
    # No pipe into grep -q here: under pipefail its early exit can fail the pipeline at random.
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
    if [[ $cmd == *"--defaults-file=$(node "$1")/my.cnf"* ]]; then echo "$pid"; return 0; fi
  done
  return 1
}

write_cnf() {
  local n=$1 d addrs="" m
  d=$(node "$n")
  for m in "${NODES[@]}"; do addrs+="${addrs:+,}127.0.0.1:$((GCOMM_BASE + m))"; done
  cat >"$d/my.cnf" <<EOF
[mysqld]
user = $RUN_USER
datadir = $d/data
tmpdir = $d/tmp
socket = $d/mysqld.sock
pid-file = $d/mysqld.pid
log-error = $d/error.log
bind-address = 127.0.0.1
port = $((SQL_BASE + n))
skip-name-resolve
performance_schema = OFF
max_connections = 300
innodb_buffer_pool_size = 64M
innodb_log_file_size = 32M
innodb_flush_log_at_trx_commit = 2
default_storage_engine = InnoDB
binlog_format = ROW
innodb_autoinc_lock_mode = 2
character_set_server = utf8mb4
collation_server = utf8mb4_unicode_ci
wsrep_on = ON
wsrep_provider = $GALERA_LIB
wsrep_cluster_name = ic_galera_test
wsrep_cluster_address = gcomm://$addrs
wsrep_node_name = node$n
wsrep_node_address = 127.0.0.1:$((GCOMM_BASE + n))
wsrep_node_incoming_address = 127.0.0.1:$((SQL_BASE + n))
wsrep_sst_receive_address = 127.0.0.1:$((SST_BASE + n))
wsrep_sst_method = rsync
wsrep_slave_threads = 2
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:$((GCOMM_BASE + n));ist.recv_addr=127.0.0.1:$((IST_BASE + n));gcache.size=32M;pc.recovery=FALSE"
[sst]
progress = none
EOF
}

prepare() {
  local n
  [[ -x $MARIADBD && -r $GALERA_LIB && -n $INSTALL_DB && -n $CLIENT ]] || die "needs mariadb-server and galera-4 ($MARIADBD, $GALERA_LIB)"
  command -v rsync >/dev/null || die "needs rsync (state transfer)"
  mkdir -p "$DIR"
  chmod 755 "$DIR"
  for n in "${NODES[@]}"; do
    mkdir -p "$(node "$n")/data" "$(node "$n")/tmp"
    write_cnf "$n"
  done
  [[ $EUID -ne 0 ]] || chown -R "$RUN_USER": "$DIR"/node{1,2,3}
  if [[ ! -d $(node 1)/data/mysql ]]; then
    # Grant tables are off inside mariadb-install-db, so the TCP root account is a row, not a GRANT.
    cat >"$DIR/init.sql" <<'EOF'
CREATE DATABASE IF NOT EXISTS test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
INSERT IGNORE INTO mysql.global_priv (Host, User, Priv) VALUES
 ('127.0.0.1', 'root', '{"access":18446744073709551615,"plugin":"mysql_native_password","authentication_string":""}');
EOF
    local user=()
    [[ $EUID -ne 0 ]] || user=(--user="$RUN_USER")
    "$INSTALL_DB" --no-defaults "${user[@]}" --datadir="$(node 1)/data" --auth-root-authentication-method=normal \
      --skip-test-db --extra-file="$DIR/init.sql" --innodb-buffer-pool-size=64M --innodb-log-file-size=32M \
      >"$(node 1)/install.log" 2>&1 || { tail -n 20 "$(node 1)/install.log" >&2; die "mariadb-install-db failed"; }
  fi
}

launch() { # launch N [mariadbd options]
  local n=$1 p
  shift
  for p in $((SQL_BASE + n)) $((GCOMM_BASE + n)) $((IST_BASE + n)) $((SST_BASE + n)); do
    [[ -z $(ss -Hltn "sport = :$p" 2>/dev/null) ]] || die "port $p is taken (another cluster running? '$0 stop' it first)"
  done
  rm -f "$(node "$n")/mysqld.pid"
  setsid "$MARIADBD" --defaults-file="$(node "$n")/my.cnf" "$@" </dev/null >>"$(node "$n")/stdout.log" 2>&1 &
  echo $! >"$(node "$n")/launch.pid"
}

# A node that crashed has no position in grastate.dat: read it from InnoDB (what galera_recovery
# does under systemd), so the node rejoins by IST from a peer's gcache instead of a full SST.
recover_position() {
  local n=$1 g pos
  g=$(node "$n")/data/grastate.dat
  [[ -f $g ]] && grep -q '^seqno: *-1' "$g" || return 0
  "$MARIADBD" --defaults-file="$(node "$n")/my.cnf" --wsrep-recover --log-error="$(node "$n")/recover.log" >/dev/null 2>&1 || true
  pos=$(sed -n 's/.*WSREP: Recovered position: *\(.*\)$/\1/p' "$(node "$n")/recover.log" 2>/dev/null | tail -n 1)
  rm -f "$(node "$n")/recover.log"
  [[ -z $pos ]] || echo "--wsrep-start-position=$pos"
}

wait_synced() { # wait_synced N DEADLINE
  while [[ $(wstat "$1" wsrep_local_state_comment || true) != Synced || $(wstat "$1" wsrep_ready || true) != ON ]]; do
    node_pid "$1" >/dev/null || { tail -n 20 "$(node "$1")/error.log" >&2; die "node$1 exited while starting"; }
    (($(date +%s) < $2)) || { tail -n 20 "$(node "$1")/error.log" >&2; die "node$1 not Synced within ${TIMEOUT}s"; }
    sleep 0.3
  done
}

start() {
  local t0 deadline n up=() opt
  t0=$(date +%s.%N)
  deadline=$(($(date +%s) + TIMEOUT))
  for n in "${NODES[@]}"; do node_pid "$n" >/dev/null && up+=("$n"); done
  prepare
  if ((${#up[@]} == 0)); then
    # Leave nothing half-started behind if the cluster does not come up.
    trap 'echo "cluster.sh: start failed, stopping what was started" >&2; stop >&2' EXIT
    # Everything is down: node 1 (stopped last, or forced) founds the cluster again.
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(node 1)/data/grastate.dat" 2>/dev/null || true
    rm -f "$(node 1)/data/gvwstate.dat"
    log "bootstrapping node1"
    opt=$(recover_position 1)
    launch 1 --wsrep-new-cluster ${opt:+"$opt"}
    wait_synced 1 "$deadline"
    up=(1)
  fi
  for n in "${NODES[@]}"; do
    [[ " ${up[*]} " == *" $n "* ]] && continue
    log "joining node$n"
    opt=$(recover_position "$n")
    launch "$n" ${opt:+"$opt"}
    wait_synced "$n" "$deadline"
  done
  for n in "${NODES[@]}"; do
    until [[ $(wstat "$n" wsrep_cluster_size || true) == 3 ]]; do
      (($(date +%s) < deadline)) || die "node$n does not see 3 members"
      sleep 0.3
    done
  done
  trap - EXIT
  log "3 nodes Synced on 127.0.0.1:$((SQL_BASE + 1))-$((SQL_BASE + 3)) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
}

stop_node() {
  local pid i
  pid=$(node_pid "$1") || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then log "node$1 ignored SIGTERM for 60 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$(node "$1")/launch.pid"
  log "node$1 stopped"
}

stop() {
  local pids=() n
  for n in 2 3; do stop_node "$n" & pids+=($!); done
  wait "${pids[@]}"
  stop_node 1
}

status() {
  local n ok=0
  for n in "${NODES[@]}"; do
    if node_pid "$n" >/dev/null; then
      echo "node$n 127.0.0.1:$((SQL_BASE + n)) $(wstat "$n" wsrep_local_state_comment || echo '?') size=$(wstat "$n" wsrep_cluster_size || echo '?')"
      [[ $(wstat "$n" wsrep_local_state_comment || true) == Synced && $(wstat "$n" wsrep_cluster_size || true) == 3 ]] && ok=$((ok + 1))
    else
      echo "node$n 127.0.0.1:$((SQL_BASE + n)) down"
    fi
  done
  ((ok == 3))
}

case $CMD in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill)
    [[ ${3:-} =~ ^[123]$ ]] || die "usage: $0 kill DIR 1|2|3"
    pid=$(node_pid "$3") || die "node$3 is not running"
    kill -KILL "$pid"
    log "node$3 killed (pid $pid)"
    ;;
  clean) stop; rm -rf "$DIR"/node{1,2,3} "$DIR/init.sql" ;;
  *) die "unknown command $CMD" ;;
esac
