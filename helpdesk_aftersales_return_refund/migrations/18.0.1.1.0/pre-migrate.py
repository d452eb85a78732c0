"""Return and Refund gained a team setting, Credit the Customer, whose default
for new teams is When Received. The teams of an upgraded database keep what
Return and Refund did for them before, When Created: their column is made and
filled here, before Odoo would fill it with the default."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL


def migrate(cr, version):
    if not version:
        return
    table = TEAM_MODEL.replace(".", "_")
    if column_exists(cr, table, "return_credit_policy"):
        return
    create_column(cr, table, "return_credit_policy", "varchar")
    cr.execute(SQL("UPDATE %s SET return_credit_policy = 'created'", SQL.identifier(table)))
