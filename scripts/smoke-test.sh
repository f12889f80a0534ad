#!/usr/bin/env bash
# The first hour, end to end, as a newcomer would live it: a fresh directory with a .env (a
# non-default PORT), the compiled server and CLI, simulate, the REST walk from an enquiry to a paid
# booking and its payment page, exit codes, the CLI's start time, and the start-ups that must
# refuse (a wrong key, a provider without its variables).
#
#   scripts/smoke-test.sh                              on the embedded database
#   scripts/smoke-test.sh --postgres postgres://…/db   on a PostgreSQL server: a scratch database
#                                                      wa_ops_smoke_<pid> is created and dropped
#
# Needs node, curl and jq. Exits non-zero at the first thing that does not work.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ADMIN_URL=""
if [ "${1:-}" = "--postgres" ]; then ADMIN_URL="${2:?--postgres needs a URL}"; fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wa-ops-smoke.XXXXXX")"
SERVER_PID=""
SCRATCH_DB=""
MAX_CLI_SECONDS="${MAX_CLI_SECONDS:-2}"

step() { printf '\n== %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  [ -f "$WORK/server.log" ] && { printf -- '--- server log (tail)\n' >&2; tail -20 "$WORK/server.log" >&2; }
  exit 1
}
# Runs a database statement on the admin URL with the repository's own pg client.
admin_sql() { (cd "$ROOT" && node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.argv[1] });
  c.connect().then(() => c.query(process.argv[2])).then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });
" "$ADMIN_URL" "$1"); }

cleanup() {
  stop_server
  if [ -n "$SCRATCH_DB" ]; then admin_sql "DROP DATABASE IF EXISTS $SCRATCH_DB WITH (FORCE)" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# `wa-ops` run from the working directory, as a user would (it reads ./.env).
wa() { (cd "$WORK" && node "$ROOT/bin/wa-ops.js" "$@"); }
# Runs a command, expecting exit code $1; its stdout and stderr land in $WORK/out and $WORK/err.
expect_exit() {
  local want="$1"
  shift
  set +e
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  set -e
  [ "$got" = "$want" ] || fail "$* exited $got, expected $want: $(cat "$WORK/err")"
}
start_server() {
  (cd "$WORK" && exec node "$ROOT/dist/server/src/main.js") >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$PORT/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited while starting"
    sleep 0.5
  done
  fail "the server was not ready on port $PORT within 60 s"
}
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
# A start-up that must fail: exit code 1 and one line on stderr matching $1.
expect_refused_start() {
  local pattern="$1"
  shift
  set +e
  (cd "$WORK" && env "$@" node "$ROOT/dist/server/src/main.js") >"$WORK/out" 2>"$WORK/err"
  local got=$?
  set -e
  [ "$got" = 1 ] || fail "start-up with $* exited $got, expected 1"
  [ "$(wc -l <"$WORK/err")" = 1 ] || fail "start-up with $* printed more than one line: $(cat "$WORK/err")"
  grep -q -- "$pattern" "$WORK/err" || fail "start-up with $* said: $(cat "$WORK/err")"
}
# GET $1 (200 expected) and look for the fixed string $2 in the body.
page_says() {
  curl -sf "$1" -o "$WORK/page" || fail "GET $1 did not answer 200"
  grep -qF -- "$2" "$WORK/page" || fail "GET $1 does not say: $2"
}
api() {
  local method="$1" path="$2" key="$3"
  local args=(-s -X "$method" "http://localhost:$PORT/api/v1$path" -H "authorization: Bearer $key")
  [ -n "${4:-}" ] && args+=(-H 'content-type: application/json' -d "$4")
  curl "${args[@]}"
}

step "build (compiles only when the sources changed)"
node "$ROOT/scripts/build.js" --if-stale

PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
printf 'PORT=%s\nDATA_DIR=./data\n' "$PORT" >"$WORK/.env"
if [ -n "$ADMIN_URL" ]; then
  SCRATCH_DB="wa_ops_smoke_$$"
  admin_sql "CREATE DATABASE $SCRATCH_DB"
  DB_URL="$(node -e "const u=new URL(process.argv[1]); u.pathname='/$SCRATCH_DB'; console.log(u.toString())" "$ADMIN_URL")"
  wa keys generate >>"$WORK/.env" 2>/dev/null
  printf 'DATABASE_URL=%s\n' "$DB_URL" >>"$WORK/.env"
  MODE=postgres
else
  MODE=embedded
fi
echo "mode: $MODE, port $PORT (from .env), in $WORK"

step "CLI: staff users, templates"
wa users create --name Marta --phone "+54 9 11 4000-0001" --role manager --json >"$WORK/manager.json"
wa users create --name Sergio --phone "+54 9 11 4000-0002" --role sales --json >"$WORK/sales.json"
wa users create --name Olga --phone "+54 9 11 4000-0004" --role operations --json >"$WORK/ops.json"
wa users create --name Gabriel --phone "+54 9 11 4000-0003" --role field_staff --json >"$WORK/guide.json"
wa templates seed >/dev/null
wa jobs list >"$WORK/jobs" && grep -q retention "$WORK/jobs" || fail "jobs list does not show retention"
wa jobs run expire-conversations >"$WORK/jobs" && grep -q succeeded "$WORK/jobs" || fail "jobs run"

MANAGER="$(jq -r .apiKey "$WORK/manager.json")"
SALES="$(jq -r .apiKey "$WORK/sales.json")"
OPS="$(jq -r .apiKey "$WORK/ops.json")"
GUIDE_ID="$(jq -r .id "$WORK/guide.json")"

step "CLI: exit codes"
expect_exit 2 wa users create --name X --phone "+5491140000099" --role admin
expect_exit 2 wa users create --name X --phone notaphone --role sales
expect_exit 2 wa users create --tenant nobody --name X --phone "+5491140000099" --role sales
grep -qiE 'select |insert ' "$WORK/err" && fail "the CLI printed SQL: $(cat "$WORK/err")"
expect_exit 0 wa users create --tenant default --name Y --phone "+5491140000098" --role sales
expect_exit 1 wa users create --tenant default --name Y --phone "+5491140000098" --role sales
expect_exit 2 wa no-such-command

step "CLI: start time of tenants list --json (at most ${MAX_CLI_SECONDS}s, the best of three)"
wa tenants list --json | jq -e 'map(.slug) | index("default")' >/dev/null || fail "tenants list --json"
best_ms=""
for _ in 1 2 3; do
  start=$(date +%s%N)
  wa tenants list --json >/dev/null
  ms=$((($(date +%s%N) - start) / 1000000))
  if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
done
echo "tenants list --json: ${best_ms} ms"
[ "$best_ms" -le $((MAX_CLI_SECONDS * 1000)) ] || fail "the CLI took ${best_ms} ms"

step "server: npm start's build, on the port from .env"
start_server
page_says "http://localhost:$PORT/docs" '/openapi.json'
curl -sf "http://localhost:$PORT/openapi.json" | jq -e '.openapi == "3.1.0"' >/dev/null || fail "/openapi.json"
grep -q "wa-ops listening on http://localhost:$PORT" "$WORK/server.log" || fail "the start-up line names another URL"
if [ "$MODE" = embedded ]; then
  expect_exit 1 wa tenants list
  grep -q 'in use by process' "$WORK/err" || fail "the CLI did not say the embedded database is in use"
else
  wa tenants list >/dev/null || fail "tenants list while the server runs on PostgreSQL"
fi

step "simulate: a customer writes"
wa simulate --from +5491155550101 --name Carla --text "Hi! We are 4 people, Iguazu in March?" | tee "$WORK/sim"
grep -q '^< Thanks for your message! Your enquiry is LD-1' "$WORK/sim" || fail "no lead confirmation"
grep -q 'console → .*Thanks for your message' "$WORK/server.log" ||
  fail "the console provider did not log what it sent"

step "REST: payment settings, trip, guide, quote, booking, payment page, payment"
api PUT /settings/payments "$MANAGER" '{"instructions":"Bank transfer to CBU 0110 0001"}' |
  jq -e '.instructions == "Bank transfer to CBU 0110 0001"' >/dev/null || fail "payment settings"
api POST /trips "$OPS" '{"code":"TRP123","name":"Iguazu Falls","departureDate":"2027-03-14"}' | jq -e '.code == "TRP123"' >/dev/null
api POST /trips/TRP123/assignments "$OPS" "{\"userId\":\"$GUIDE_ID\"}" | jq -e '.assigned' >/dev/null
api POST /trips "$OPS" '{"code":"TRP9","name":"x","departureDate":"2027-03-14","departure_date":"x"}' |
  jq -e '.status == 400 and .fields[0].field == "departure_date"' >/dev/null || fail "an unknown field was not refused"
api GET '/leads?status=new' "$SALES" | jq -e '.data[0].ref == "LD-1" and .data[0].partySize == 4' >/dev/null
api POST /leads/LD-1/quotes "$SALES" '{"amount":"1800.00","currency":"USD","description":"Iguazu, 4 people"}' |
  jq -e '.status == "sent"' >/dev/null
api POST /leads/LD-1/convert "$SALES" '{"tripCode":"TRP123","partySize":4,"amount":"1800.00","currency":"USD"}' |
  jq -e '.ref == "BK-1" and .status == "pending_payment"' >/dev/null
CONVERSATION="$(api GET /leads/LD-1 "$SALES" | jq -r .conversationId)"
LINK=""
for _ in $(seq 1 20); do
  LINK="$(api GET "/conversations/$CONVERSATION/messages" "$SALES" |
    jq -r '[.data[].content.template | select(.name == "payment_link") | .params[3]][0] // empty')"
  [ -n "$LINK" ] && break
  sleep 0.5
done
echo "payment link: $LINK"
case "$LINK" in "http://localhost:$PORT/pay/BK-1?t="*) ;; *) fail "the payment link does not point at this server" ;; esac
page_says "$LINK" 'Bank transfer to CBU 0110 0001'
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/pay/BK-1?t=wrongtokenwrongtoken")" = 404 ] ||
  fail "a wrong token is not a 404"
api POST /bookings/BK-1/payments "$SALES" '{"amount":"1800.00","currency":"USD","reference":"transfer 0042"}' |
  jq -e '.booking.status == "confirmed"' >/dev/null || fail "recording the payment"
page_says "$LINK" 'Paid and confirmed'
api GET /me "$MANAGER" | jq -e '.role == "manager"' >/dev/null

step "simulate: a guide reports an incident, operations are alerted"
wa simulate --from "+54 9 11 4000-0003" --text "ISSUE TRP123 van broke down at km 40" | tee "$WORK/sim"
grep -q '^< Incident INC-1 recorded on TRP123' "$WORK/sim" || fail "no incident confirmation"
grep -q '^< to +5491140000004: Incident INC-1' "$WORK/sim" || fail "the operations alert is not shown"

step "restarts that must refuse"
stop_server
expect_refused_start "cannot decrypt the credentials" ENCRYPTION_KEY="$(wa keys generate 2>/dev/null | cut -d= -f2-)"
expect_refused_start "WHATSAPP_PROVIDER=meta needs WHATSAPP_ACCESS_TOKEN" WHATSAPP_PROVIDER=meta WHATSAPP_PHONE_NUMBER_ID=1065
start_server
stop_server

printf '\nsmoke test passed (%s)\n' "$MODE"
