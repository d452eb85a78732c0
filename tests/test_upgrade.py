"""Upgrading a database of the last release to this version (``-u``), as a
database administrator does: the tickets keep their lot/serial number and
their documents, the glue modules that are new since the release are installed
where their dependencies are, and the upgrade logs no error.

The release's addons and stand-ins come from the git history (``git archive``
of RELEASE: a clone of the repository has it). Each scenario starts from a
cached database of the release's platform (its stand-ins and the suite's
dependencies, built once like the template), installs the release's modules
with the release's code, makes the data as users made it then (the ticket's
dialogs, confirmed), and upgrades with the current code as docs/DEPLOY.md
says (``-u helpdesk``: the stand-in and the whole suite):

* ``all``: every service of the release, and then what the suite defines in
  the database (fields, models, foreign keys, columns) is what a fresh install
  has (``suite_db``); the lot stays because Returns and
  Repairs now depend on the glue that holds it, but without the migration
  Return and Refund (``helpdesk_aftersales_return_refund``, new) is not
  installed: Odoo auto-installs a module only when one of its dependencies is
  being installed;
* ``refunds``: only Refunds (which then depended on Inventory): without the
  migration nothing installs ``helpdesk_aftersales_sale_stock`` and Odoo drops
  the ticket's ``lot_id`` column with every ticket's lot.
"""

import hashlib
import io
import json
import os
import subprocess
import tarfile
import textwrap
import time
import types

import pytest

from tools.devenv.common import DATA_DIR, ROOT, locked, log
from tools.devenv.postgres import (
    PG_PORT,
    PG_USER,
    databases,
    db_exists,
    drop_db,
    psql,
    rename_db,
)
from tools.devenv.source import tree_key
from tools.devenv.templates import dependencies, drop_if_unused, touch

from .odoo_shell import OdooDatabase, devenv

# The last released version (2026-11-23), which users have in production.
RELEASE = "e9f09af"

SERVICES = {
    "use_credit_notes": "helpdesk_aftersales_refund",
    "use_coupons": "helpdesk_aftersales_coupon",
    "use_product_returns": "helpdesk_aftersales_return",
    "use_product_repairs": "helpdesk_aftersales_repair",
    "use_fsm": "helpdesk_aftersales_fsm",
}

# The documents of each service: the ticket's count (smart button) and the
# action it opens.
COUNTS = {
    "use_credit_notes": ("credit_note_count", "action_view_credit_notes"),
    "use_coupons": ("coupon_count", "action_view_coupons"),
    "use_product_returns": ("picking_count", "action_view_pickings"),
    "use_product_repairs": ("repair_count", "action_view_repairs"),
    "use_fsm": ("fsm_task_count", "action_view_fsm_tasks"),
}

# What the release's users did, with the release's code: a tracked product
# sold, delivered and invoiced; a ticket about it with its serial number; from
# the ticket, through its dialogs, whichever of a credit note, a return, a
# repair, a coupon and a Field Service task the installed services offer.
RELEASE_DATA = textwrap.dedent(
    """
    import json
    from odoo.tests import Form

    SERVICES = {services!r}
    admin = env.ref("base.user_admin")
    admin.groups_id += (
        env.ref("helpdesk.group_helpdesk_manager") + env.ref("stock.group_production_lot")
    )
    env = env(user=admin)
    installed = set(env["ir.module.module"].search([("state", "=", "installed")]).mapped("name"))
    with Form(env["helpdesk.team"]) as team_form:
        team_form.name = "After-Sales"
    team = team_form.record
    team.write({{flag: True for flag, module in SERVICES.items() if module in installed}})
    if team.use_fsm:
        team.fsm_project_id = env["project.project"].create(
            {{"name": "Field Service", "is_fsm": True}}
        )
    customer = env["res.partner"].create({{"name": "Deco Addict", "email": "deco@example.com"}})
    with Form(env["product.template"]) as product_form:
        product_form.name = "Bluetooth Speaker"
        product_form.is_storable = True
        product_form.tracking = "serial"
        product_form.list_price = 120.0
    speaker = product_form.record.product_variant_id
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    serial = env["stock.lot"].create({{"name": "SPK-0001", "product_id": speaker.id}})
    env["stock.quant"]._update_available_quantity(
        speaker, warehouse.lot_stock_id, 1, lot_id=serial
    )
    with Form(env["sale.order"]) as order_form:
        order_form.partner_id = customer
        with order_form.order_line.new() as line:
            line.product_id = speaker
    order = order_form.record
    order.action_confirm()
    order.picking_ids.move_ids.picked = True
    assert order.picking_ids.button_validate() is True
    invoice = order._create_invoices()
    invoice.action_post()

    with Form(env["helpdesk.ticket"]) as ticket_form:
        ticket_form.name = "The speaker crackles"
        ticket_form.team_id = team
        ticket_form.partner_id = customer
        ticket_form.sale_order_id = order
        ticket_form.product_id = speaker
        ticket_form.lot_id = serial
    ticket = ticket_form.record

    def dialog(method):
        action = getattr(ticket, method)()
        view = next((v for v, mode in action.get("views", []) if mode == "form"), False)
        model = env[action["res_model"]].with_context(**action.get("context", {{}}))
        return Form(model, view=view or None)

    if team.use_credit_notes:
        refund = dialog("action_refund")
        if invoice not in refund.move_ids:
            refund.move_ids.add(invoice)
        refund.save().refund_moves()
    if team.use_product_returns:
        dialog("action_return").save().action_create_returns()
    if team.use_product_repairs:
        context = ticket.action_repair()["context"]
        with Form(env["repair.order"].with_context(**context)):
            pass
    if team.use_coupons:
        program_form = Form(env["loyalty.program"].with_context(default_program_type="coupons"))
        program_form.name = "Apology coupon"
        coupon = dialog("action_generate_coupon")
        coupon.program_id = program_form.save()
        coupon.save().action_generate()
    if team.use_fsm:
        dialog("action_generate_fsm_task").save().action_generate_task()
    ticket.invalidate_recordset()
    counts = {{
        flag: ticket[count] for flag, (count, _action) in {counts!r}.items() if team[flag]
    }}
    env.cr.commit()
    out = {{"ticket": ticket.id, "lot": ticket.lot_id.name, "counts": counts}}
    print("RESULT:" + json.dumps(out))
    """
)

# What a user sees after the upgrade, with the current code.
AFTER_UPGRADE = textwrap.dedent(
    """
    import json
    from odoo.tests import Form

    admin = env.ref("base.user_admin")
    env = env(user=admin)
    modules = env["ir.module.module"].search([("name", "like", "helpdesk_aftersales")])
    ticket = env["helpdesk.ticket"].browse({ticket})
    arch = ticket.get_views([(False, "form")])["views"]["form"]["arch"]
    env.cr.execute(
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = 'helpdesk_ticket' AND column_name = 'lot_id'"
    )
    lot_column = bool(env.cr.fetchone())
    out = {{
        "modules": {{module.name: module.state for module in modules}},
        "lot_column": lot_column,
        "lot": "lot_id" in ticket._fields and ticket.lot_id.name,
        "tracking": "tracking" in ticket._fields and ticket.tracking,
        "lot_on_form": 'name="lot_id"' in arch,
        "counts": {{}},
    }}
    for flag, (count, action) in {counts!r}.items():
        if ticket[flag]:
            documents = env[getattr(ticket, action)()["res_model"]].search(
                [("helpdesk_ticket_id", "=", ticket.id)]
            )
            out["counts"][flag] = [ticket[count], len(documents), f'name="{{action}}"' in arch]
    if ticket.use_credit_notes:
        action = ticket.action_refund()
        view = next(v for v, mode in action["views"] if mode == "form")
        dialog = Form(env[action["res_model"]].with_context(**action["context"]), view=view)
        out["refund_dialog_lot"] = "helpdesk_lot_id" in dialog._view["fields"] and (
            dialog.helpdesk_lot_id.name
        )
    print("RESULT:" + json.dumps(out))
    """
)

# What the suite's modules defined in a database: its records with an XML ID
# (views, actions, menus, access rights, rules, data...), fields (with the
# modules that own them), selection values, models, foreign keys and the
# columns of their tables. An upgraded database must have those of a fresh
# install.
SCHEMA = {
    # Not the aliases: the stand-in gives existing teams theirs at the upgrade,
    # without the XML ID the first team's gets when it is created with it.
    "xmlids": """
        SELECT module, name, model FROM ir_model_data
         WHERE (module LIKE 'helpdesk%' OR module LIKE 'industry%') AND model != 'mail.alias'""",
    "fields": """
        SELECT f.model, f.name, f.ttype, f.store, COALESCE(f.relation, ''),
               string_agg(d.module, ',' ORDER BY d.module)
          FROM ir_model_fields f
          JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
         WHERE d.module LIKE 'helpdesk%' OR d.module LIKE 'industry%'
         GROUP BY 1, 2, 3, 4, 5""",
    "selections": """
        SELECT f.model, f.name, s.value, string_agg(d.module, ',' ORDER BY d.module)
          FROM ir_model_fields_selection s
          JOIN ir_model_fields f ON f.id = s.field_id
          JOIN ir_model_data d ON d.model = 'ir.model.fields.selection' AND d.res_id = s.id
         WHERE d.module LIKE 'helpdesk%' OR d.module LIKE 'industry%'
         GROUP BY 1, 2, 3""",
    "models": """
        SELECT m.model, string_agg(d.module, ',' ORDER BY d.module)
          FROM ir_model m
          JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
         WHERE d.module LIKE 'helpdesk%' OR d.module LIKE 'industry%'
         GROUP BY 1""",
    "constraints": """
        SELECT c.name, c.type, m.name
          FROM ir_model_constraint c JOIN ir_module_module m ON m.id = c.module
         WHERE m.name LIKE 'helpdesk%' OR m.name LIKE 'industry%'""",
    "columns": """
        SELECT c.table_name, c.column_name, c.data_type
          FROM information_schema.columns c
         WHERE c.table_schema = 'public' AND c.table_name IN (
               SELECT replace(m.model, '.', '_') FROM ir_model m
                 JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
                WHERE d.module LIKE 'helpdesk%' OR d.module LIKE 'industry%')""",
}


def schema(platform_env, db):
    return {
        kind: set(psql(platform_env, query, db=db).splitlines()) for kind, query in SCHEMA.items()
    }


SCENARIOS = {
    "all": list(SERVICES.values()),
    "refunds": ["helpdesk_aftersales_refund"],
}


def release_addons(folder):
    """Export the release's addons (its ``helpdesk_aftersales*`` folders) and
    stand-ins (``standins/``) into ``folder``; returns the addons' names."""
    res = subprocess.run(
        ["git", "-C", ROOT, "ls-tree", "-d", "--name-only", RELEASE],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, (
        f"the release {RELEASE} is not in the git history of {ROOT} ({res.stderr.strip()}): "
        "run the tests in a clone with its history (not a shallow one)"
    )
    names = [name for name in res.stdout.split() if name.startswith("helpdesk_aftersales")]
    archive = subprocess.run(
        ["git", "-C", ROOT, "archive", "--format=tar", RELEASE, *names, "standins"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return names


def release_template(platform_env, release):
    """A cached database of the release's platform: its stand-ins and the
    suite's dependencies installed from an empty database with the release's
    code (the current template has the current stand-ins, which the release
    never had). Built once per Odoo tree and dependency list (about as long as
    the template), like the cached databases of tools/devenv/templates.py;
    returns its name: copy it."""
    odoo = platform_env["HA_ODOO_SRC"]
    depends = dependencies(odoo)
    key = hashlib.sha1(f"{RELEASE}:{','.join(depends)}".encode()).hexdigest()[:10]
    prefix = "ha_cache_release_"
    name = f"{prefix}{tree_key(odoo)}_{key}"
    platform = types.SimpleNamespace(env=platform_env)
    with locked("cache_release"):
        if db_exists(platform_env, name):
            touch(name)
            return name
        for old in databases(platform_env, prefix):
            if not old.endswith("_build"):
                drop_if_unused(platform, old)
        log(f"building {name}: the release {RELEASE}'s stand-ins and {len(depends)} modules")
        started = time.time()
        drop_db(platform_env, name + "_build")
        build = odoo_bin(
            platform_env,
            name + "_build",
            "-i",
            ",".join(depends),
            "--without-demo=all",
            "--stop-after-init",
            "--no-http",
            "--log-level=warn",
            addons=release,
            timeout=1800,
        )
        if build.returncode:
            drop_db(platform_env, name + "_build")
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
        rename_db(platform_env, name + "_build", name)
        log(f"{name} ready in {time.time() - started:.0f} s")
        touch(name)
    return name


def odoo_bin(platform_env, db, *args, addons, command=None, **kwargs):
    """odoo-bin on ``db`` with the addons of Odoo and those of ``addons`` (a
    folder: the release's, with its ``standins/``), not the current suite's."""
    odoo = platform_env["HA_ODOO_SRC"]
    paths = [os.path.join(odoo, "odoo", "addons"), os.path.join(odoo, "addons")]
    paths += [os.path.join(addons, "standins"), addons]
    cmd = [platform_env["HA_PYTHON"], os.path.join(odoo, "odoo-bin")]
    cmd += [command] if command else []
    cmd += [
        f"--addons-path={','.join(paths)}",
        f"--data-dir={DATA_DIR}",
        "--db_host=127.0.0.1",
        f"--db_port={PG_PORT}",
        f"--db_user={PG_USER}",
        "-d",
        db,
        *args,
    ]
    return subprocess.run(
        cmd, env=platform_env, capture_output=True, text=True, check=False, **kwargs
    )


def upgrade(platform_env, db, modules):
    """``odoo-bin -u modules`` on ``db`` with the current code."""
    return devenv(
        platform_env,
        "odoo",
        "--db",
        db,
        "--",
        "-u",
        modules,
        "--stop-after-init",
        "--no-http",
        "--log-level=warn",
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )


def errors(output):
    return [line for line in output.splitlines() if " ERROR " in line or " CRITICAL " in line]


def result(res):
    lines = [line for line in res.stdout.splitlines() if line.startswith("RESULT:")]
    assert lines, res.stdout[-3000:] + res.stderr[-5000:]
    return json.loads(lines[-1][len("RESULT:") :])


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_upgrade_from_release(platform_env, suite_db, tmp_path, scenario):
    release = str(tmp_path / "release")
    os.makedirs(release)
    release_modules = release_addons(release)
    source = release_template(platform_env, release)
    db = OdooDatabase(platform_env, f"ha_upgrade_{scenario}", source=source)
    started = time.time()
    try:
        install = odoo_bin(
            platform_env,
            db.name,
            "-i",
            ",".join(SCENARIOS[scenario]),
            "--without-demo=all",
            "--stop-after-init",
            "--no-http",
            "--log-level=warn",
            addons=release,
            timeout=1200,
        )
        assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-5000:]
        before = result(
            odoo_bin(
                platform_env,
                db.name,
                "--log-level=warn",
                addons=release,
                command="shell",
                input=RELEASE_DATA.format(services=SERVICES, counts=COUNTS),
                timeout=600,
            )
        )
        assert before["lot"] == "SPK-0001"
        expected_services = {
            flag for flag, module in SERVICES.items() if module in SCENARIOS[scenario]
        }
        assert before["counts"] == dict.fromkeys(expected_services, 1), before
        released = time.time()

        if scenario == "refunds":
            # The former advice, -u helpdesk_aftersales: the stand-in stays
            # at the release's, whose pages the suite's extend. Refused with
            # what to run instead, before anything of the suite changes.
            refused = upgrade(platform_env, db.name, "helpdesk_aftersales")
            log = refused.stdout + refused.stderr
            assert refused.returncode != 0, log[-3000:]
            assert "run odoo-bin with -u helpdesk" in log, log[-3000:]
            assert "ParseError" not in log, log[-3000:]

        # The upgrade as docs/DEPLOY.md says: the new code, -u the stand-in
        # helpdesk (and with it every installed module of the suite).
        upgrade_run = upgrade(platform_env, db.name, "helpdesk")
        log = upgrade_run.stdout + upgrade_run.stderr
        assert upgrade_run.returncode == 0, log[-5000:]
        assert not errors(log), "\n".join(errors(log))
        upgraded = time.time()

        after = db.shell(AFTER_UPGRADE.format(ticket=before["ticket"], counts=COUNTS))
        print(
            f"{scenario}: release installed with its data in {released - started:.0f} s, "
            f"upgraded in {upgraded - released:.0f} s ({', '.join(release_modules)})"
        )
        # The ticket keeps its serial number, shown on its form, and offered
        # by its refund dialog.
        assert after["lot_column"] is True, "the upgrade dropped helpdesk_ticket.lot_id"
        assert after["lot"] == "SPK-0001"
        assert after["tracking"] == "serial"
        assert after["lot_on_form"] is True
        assert after["refund_dialog_lot"] == "SPK-0001"
        # Its documents: each smart button on the form, counting the one made.
        assert after["counts"] == {flag: [1, 1, True] for flag in expected_services}
        states = after["modules"]
        # The glue modules where their dependencies are: new ones included.
        glue = ["helpdesk_aftersales_sale_stock", "helpdesk_aftersales_refund_stock"]
        if scenario == "all":
            glue += [
                "helpdesk_aftersales_return_refund",
                "helpdesk_aftersales_repair_return",
                "helpdesk_aftersales_repair_refund",
                "helpdesk_aftersales_fsm_report",
                "helpdesk_aftersales_coupon_website",
            ]
        for module in [*SCENARIOS[scenario], "helpdesk_aftersales_sale", *glue]:
            assert states[module] == "installed", (module, states)
        if scenario == "refunds":
            for module in ("helpdesk_aftersales_return", "helpdesk_aftersales_return_refund"):
                assert states[module] == "uninstalled", (module, states)
        else:
            # Every module installed: what they define is what a fresh install
            # of the suite (suite_db) has, no more (left over), no less (lost).
            upgraded, fresh = schema(platform_env, db.name), schema(platform_env, suite_db)
            for kind in SCHEMA:
                assert upgraded[kind] == fresh[kind], (
                    kind,
                    "only after the upgrade:",
                    sorted(upgraded[kind] - fresh[kind]),
                    "only in a fresh install:",
                    sorted(fresh[kind] - upgraded[kind]),
                )
    finally:
        db.close()
