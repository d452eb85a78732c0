#!/bin/sh
# Time of switching each After-Sales service on (the team's write, which runs
# button_immediate_install as the web request does) on a database with only
# the base module + the Community helpdesk: what an admin waits for on a fresh
# database. Usage: sh bench/install_times.sh  (prints one line per service)
set -e
cd "$(dirname "$0")/.."
DEVENV="python3 -m tools.devenv"
BASE=ha_deploy_base_$$
$DEVENV odoo --db "$BASE" -- -i helpdesk_aftersales --without-demo=all --stop-after-init --log-level=warn
for flag in use_credit_notes use_coupons use_product_returns use_product_repairs use_fsm; do
    DB=ha_deploy_${flag}_$$
    createdb -h 127.0.0.1 -p 54329 -U odoo -T "$BASE" "$DB"
    printf '%s\n' \
        "import time" \
        "team = env['helpdesk.team'].search([], limit=1) or env['helpdesk.team'].create({'name': 'T'})" \
        "env.cr.commit()" \
        "t0 = time.time()" \
        "team.write({'$flag': True})" \
        "print('RESULT:$flag %.1f s' % (time.time() - t0))" \
        | $DEVENV odoo --db "$DB" -- shell --log-level=warn 2>&1 | grep RESULT: || echo "$flag FAILED"
    $DEVENV dropdb "$DB" >/dev/null
done
$DEVENV dropdb "$BASE" >/dev/null
