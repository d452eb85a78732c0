"""Returns and Refunds together gained ``helpdesk_aftersales_return_refund``
(Return and Refund), installed automatically, which Odoo does on an upgrade
only when one of its dependencies is being installed: install it when Refunds
are there (also when only this module is upgraded).

The stock moves' new Helpdesk Team (stored, related to the transfer's ticket,
for the Returns report) is filled here in one UPDATE: left to Odoo, every
stock move of the database is read and computed in Python at the upgrade.

Return for Exchange gained a team setting, Ship the Replacement, whose default
for new teams is When Received: the teams of an upgraded database keep what
Return for Exchange did for them before, At Once (their column is made and
filled here, before Odoo would fill it with the default)."""

from odoo.tools import SQL, sql

from odoo.addons.helpdesk_aftersales import upgrade
from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL


def migrate(cr, version):
    if not version:
        return
    upgrade.install_modules(
        cr,
        ["helpdesk_aftersales_return_refund"],
        ["helpdesk_aftersales_return", "helpdesk_aftersales_refund"],
    )
    if not sql.column_exists(cr, "stock_move", "helpdesk_team_id"):
        sql.create_column(cr, "stock_move", "helpdesk_team_id", "int4")
        cr.execute(
            """
            UPDATE stock_move m
               SET helpdesk_team_id = t.team_id
              FROM stock_picking p
              JOIN helpdesk_ticket t ON t.id = p.helpdesk_ticket_id
             WHERE p.id = m.picking_id AND t.team_id IS NOT NULL
            """
        )
    _keep_exchanging_at_once(cr)


def _keep_exchanging_at_once(cr):
    table = TEAM_MODEL.replace(".", "_")
    if sql.column_exists(cr, table, "replacement_policy"):
        return
    sql.create_column(cr, table, "replacement_policy", "varchar")
    cr.execute(SQL("UPDATE %s SET replacement_policy = 'at_once'", SQL.identifier(table)))
