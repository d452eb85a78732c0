"""A services company: Sales and Invoicing, no Inventory. Enabling Refunds on a
team installs the refund bridge without installing Inventory, and an agent
refunds an invoice from a ticket (no lot/serial number anywhere).

The template database has Inventory (sale_stock), so this test makes its own
database, from nothing, in one `odoo-bin shell` process: it creates the
database, installs Sales, Invoicing, Helpdesk and the base module without demo
data, then switches Refunds on as an administrator would."""

import os
import subprocess
import textwrap

from .odoo_shell import DEVENV, ROOT

SCRIPT = textwrap.dedent(
    """
    import json
    import odoo
    from odoo.modules.registry import Registry
    from odoo.service import db as db_service
    from odoo.tests import Form
    from odoo.tools import config

    name = {db!r}
    db_service._create_empty_database(name)
    config["init"] = dict.fromkeys(
        ["sale_management", "account", "helpdesk", "helpdesk_aftersales"], 1
    )
    config["without_demo"] = "all"
    config["demo"] = {{}}
    registry = Registry.new(name, update_module=True)
    config["init"] = {{}}

    def states(env, names):
        modules = env["ir.module.module"].search([("name", "in", names)])
        return {{module.name: module.state for module in modules}}

    out = {{}}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {{}})
        team = env["helpdesk.team"].create({{"name": "Services"}})
        cr.commit()
        team_id = team.id
        env["helpdesk.team"].browse(team_id).write({{"use_credit_notes": True}})
        # The install reloaded the registry: look again with a fresh environment.
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {{}})
        out["modules"] = states(env, [
            "stock", "sale_stock", "helpdesk_aftersales_sale", "helpdesk_aftersales_refund",
            "helpdesk_aftersales_sale_stock", "helpdesk_aftersales_refund_stock",
        ])
        out["use_credit_notes"] = env["helpdesk.team"].browse(team_id).use_credit_notes

        admin = env.ref("base.user_admin")
        admin.groups_id += env.ref("helpdesk.group_helpdesk_manager")
        env = env(user=admin)
        customer = env["res.partner"].create({{"name": "Azure Interior"}})
        product = env["product.product"].create(
            {{"name": "Consulting pack", "type": "consu", "list_price": 100.0,
              "invoice_policy": "order"}}
        )
        with Form(env["sale.order"]) as order:
            order.partner_id = customer
            with order.order_line.new() as line:
                line.product_id = product
        order = order.record
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()

        ticket_form = Form(env["helpdesk.ticket"])
        ticket_form.name = "Refund requested"
        ticket_form.team_id = env["helpdesk.team"].browse(team_id)
        ticket_form.partner_id = customer
        ticket_form.sale_order_id = order
        ticket_form.product_id = product
        ticket = ticket_form.save()
        arch = env["helpdesk.ticket"].get_views([(False, "form")])["views"]["form"]["arch"]
        out["ticket_form"] = {{
            field: f'name="{{field}}"' in arch
            for field in ("sale_order_id", "product_id", "lot_id", "action_refund")
        }}

        action = ticket.action_refund()
        view = next(view_id for view_id, mode in action["views"] if mode == "form")
        dialog = Form(env[action["res_model"]].with_context(**action["context"]), view=view)
        out["dialog_lot_field"] = "helpdesk_lot_id" in dialog._view["fields"]
        from odoo.addons.helpdesk_aftersales_refund.tests.common import offered

        out["offered"] = offered(dialog).ids == invoice.ids
        dialog.move_ids.add(invoice)
        dialog.save().refund_moves()
        credit_note = env["account.move"].search([("helpdesk_ticket_id", "=", ticket.id)])
        out["credit_note"] = [
            credit_note.move_type, credit_note.state, credit_note.reversed_entry_id == invoice,
            ticket.credit_note_count,
        ]
        cr.commit()
    print("RESULT:" + json.dumps(out))
    """
)


def test_refunds_without_inventory(platform_env):
    db = f"ha_nostock_{os.getpid()}"
    try:
        res = subprocess.run(
            [*DEVENV, "odoo", "--db", "", "--", "shell", "--log-level=warn"],
            cwd=ROOT,
            input=SCRIPT.format(db=db),
            capture_output=True,
            text=True,
            env=platform_env,
            timeout=1200,
            check=False,
        )
        lines = [line for line in res.stdout.splitlines() if line.startswith("RESULT:")]
        assert lines, res.stdout[-3000:] + res.stderr[-5000:]
        import json

        out = json.loads(lines[-1][len("RESULT:") :])
        assert out["use_credit_notes"] is True
        modules = out["modules"]
        assert modules.get("helpdesk_aftersales_refund") == "installed", modules
        assert modules.get("helpdesk_aftersales_sale") == "installed", modules
        for module in (
            "stock",
            "sale_stock",
            "helpdesk_aftersales_sale_stock",
            "helpdesk_aftersales_refund_stock",
        ):
            assert modules.get(module) != "installed", (module, modules)
        assert out["ticket_form"] == {
            "sale_order_id": True,
            "product_id": True,
            "lot_id": False,
            "action_refund": True,
        }
        assert out["dialog_lot_field"] is False
        assert out["offered"] is True
        assert out["credit_note"] == ["out_refund", "draft", True, 1]
    finally:
        subprocess.run([*DEVENV, "dropdb", db], env=platform_env, cwd=ROOT, check=False)
