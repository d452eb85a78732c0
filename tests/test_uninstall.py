"""Each bridge can be installed, used, uninstalled and re-installed: the ticket
keeps working and the core documents it created survive the uninstall."""

import textwrap

from .odoo_shell import OdooDatabase

BRIDGES = {
    "helpdesk_aftersales_refund": (
        "account.move",
        "env['account.move'].create({'move_type': 'out_refund', 'partner_id': "
        "env['res.partner'].create({'name': 'C'}).id, 'helpdesk_ticket_id': ticket.id})",
    ),
    "helpdesk_aftersales_return": (
        "stock.picking",
        "env['stock.picking'].create({'picking_type_id': env.ref('stock.picking_type_in').id, "
        "'helpdesk_ticket_id': ticket.id})",
    ),
    "helpdesk_aftersales_repair": (
        "repair.order",
        "env['repair.order'].create({'product_id': env['product.product'].create("
        "{'name': 'Chair', 'type': 'consu'}).id, 'partner_id': env['res.partner'].create("
        "{'name': 'C'}).id, 'helpdesk_ticket_id': ticket.id})",
    ),
    # bridge: (model of the document it creates, how to create one for the ticket)
    "helpdesk_aftersales_fsm": (
        "project.task",
        "env['project.task'].create({'name': 'Visit', 'project_id': "
        "env['project.project'].create({'name': 'FSM', 'is_fsm': True}).id, "
        "'helpdesk_ticket_id': ticket.id})",
    ),
    "helpdesk_aftersales_coupon": (
        "loyalty.card",
        "env['loyalty.card'].create({'program_id': env['loyalty.program'].create("
        "{'name': 'Sorry', 'program_type': 'coupons'}).id, 'helpdesk_ticket_id': ticket.id})",
    ),
}

SCRIPT = textwrap.dedent(
    """
    import json
    import odoo
    out = {{}}
    team = env["helpdesk.team"].create({{"name": "Uninstall", "{flag}": True}})
    env = odoo.api.Environment(env.cr, env.uid, {{}})
    ticket = env["helpdesk.ticket"].create({{"name": "T", "team_id": team.id}})
    document = {create}
    env.cr.commit()
    doc_model, doc_id, ticket_id = document._name, document.id, ticket.id
    env["ir.module.module"].search([("name", "=", "{module}")]).button_immediate_uninstall()
    env = odoo.api.Environment(env.cr, env.uid, {{}})
    out["state_after_uninstall"] = env["ir.module.module"].search([("name", "=", "{module}")]).state
    out["document_survives"] = bool(env[doc_model].browse(doc_id).exists())
    ticket = env["helpdesk.ticket"].browse(ticket_id)
    ticket.name = "Still works"
    env["helpdesk.ticket"].get_views([(False, "form")])
    out["ticket_works"] = ticket.name == "Still works"
    env["ir.module.module"].search([("name", "=", "{module}")]).button_immediate_install()
    env = odoo.api.Environment(env.cr, env.uid, {{}})
    out["state_after_reinstall"] = env["ir.module.module"].search([("name", "=", "{module}")]).state
    env["helpdesk.ticket"].get_views([(False, "form")])
    print("RESULT:" + json.dumps(out))
    """
)

FLAGS = {
    "helpdesk_aftersales_refund": "use_credit_notes",
    "helpdesk_aftersales_return": "use_product_returns",
    "helpdesk_aftersales_repair": "use_product_repairs",
    "helpdesk_aftersales_fsm": "use_fsm",
    "helpdesk_aftersales_coupon": "use_coupons",
}


def test_bridges_uninstall_and_reinstall(platform_env, suite_db):
    # A copy of the database the Odoo tests installed the whole suite in.
    db = OdooDatabase(platform_env, "ha_uninstall", source=suite_db)
    try:
        for module, (_model, create) in BRIDGES.items():
            out = db.shell(SCRIPT.format(module=module, flag=FLAGS[module], create=create))
            assert out == {
                "state_after_uninstall": "uninstalled",
                "document_survives": True,
                "ticket_works": True,
                "state_after_reinstall": "installed",
            }, (module, out)
    finally:
        db.close()
