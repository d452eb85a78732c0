# Data of the load benchmark (bench/load.py), run in `odoo-bin shell` on a copy
# of the template with the whole suite installed. Environment: HA_LOAD_ROUNDS
# (rounds of each agent, comma-separated), HA_LOAD_QTY (units sold per order).
# Each round of an agent acts on documents of its own, as an agent's day goes:
# a ticket about an order delivered and invoiced for the suite's dialogs, another
# such order for core's. Prints RESULT:<json> with the ids the agents work on.
# ruff: noqa: F821  (``env`` is the shell's)
import json
import os

from odoo import Command

rounds = [int(n) for n in os.environ["HA_LOAD_ROUNDS"].split(",")]
qty = float(os.environ.get("HA_LOAD_QTY", "5"))

AGENT_GROUPS = [
    "helpdesk.group_helpdesk_user",
    "account.group_account_invoice",  # refunds: Reverse and Create Invoice posts
    "stock.group_stock_user",  # returns, repairs
    "sales_team.group_sale_salesman_all_leads",  # coupons, the customers' orders
    "project.group_project_user",  # field-service tasks
]
groups = [env.ref(x).id for x in AGENT_GROUPS]

services = ("credit_notes", "coupons", "product_returns", "product_repairs", "fsm")
# Return and Refund credits when the return is made, as core's Return then
# Reverse does (a team's default credits when the goods are received).
team = env["helpdesk.team"].create(
    {
        "name": "Load After-Sales",
        "return_credit_policy": "created",
        **{f"use_{service}": True for service in services},
    }
)
project = env["project.project"].create({"name": "Load Field Service", "is_fsm": True})
program = env["loyalty.program"].create({"name": "Load sorry coupon", "program_type": "coupons"})
product = env["product.product"].create(
    {"name": "Load Chair", "type": "consu", "is_storable": True, "list_price": 100.0}
)
# On hand in the warehouse: the deliveries take from it and Confirm Repair
# finds the product to repair there (no insufficient-quantity warning).
warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 100000)
journal = env["account.journal"].search(
    [("type", "=", "sale"), ("company_id", "=", env.company.id)], limit=1
)


def sold_delivered_invoiced(name, quantity):
    """A customer with a confirmed order, its delivery done and its invoice
    posted; a ticket of the team about it."""
    customer = env["res.partner"].create({"name": name, "email": f"{name}@example.com"})
    order = env["sale.order"].create(
        {
            "partner_id": customer.id,
            "order_line": [Command.create({"product_id": product.id, "product_uom_qty": quantity})],
        }
    )
    order.action_confirm()
    picking = order.picking_ids
    picking.move_ids.quantity = quantity
    picking.move_ids.picked = True
    picking.button_validate()
    invoice = order._create_invoices()
    invoice.action_post()
    ticket = env["helpdesk.ticket"].create(
        {
            "name": f"{name}: the chair is broken",
            "team_id": team.id,
            "partner_id": customer.id,
            "sale_order_id": order.id,
            "product_id": product.id,
        }
    )
    return {
        "customer": customer.id,
        "ticket": ticket.id,
        "picking": picking.id,
        "move": picking.move_ids.id,
        "invoice": invoice.id,
        "invoice_line": invoice.invoice_line_ids.filtered("product_id")[:1].id,
    }


result = {"team": team.id, "project": project.id, "program": program.id, "qty": qty, "agents": []}
result.update(product=product.id, journal=journal.id)


def round_data(name):
    """The documents of one round: the suite's (ticket, order) and core's (another order)."""
    data = sold_delivered_invoiced(name, qty)
    core = sold_delivered_invoiced(f"{name}_core", qty)
    return dict(
        data, core_invoice=core["invoice"], core_picking=core["picking"], core_move=core["move"]
    )


for i, count in enumerate(rounds):
    login = f"load_agent_{i}"
    user = {"name": f"Load Agent {i}", "login": login, "password": login}
    env["res.users"].create(
        dict(user, email=f"{login}@example.com", groups_id=[Command.set(groups)])
    )
    agent_rounds = [round_data(f"load_customer_{i}_{n}") for n in range(count)]
    result["agents"].append({"login": login, "rounds": agent_rounds})
# The race: every agent on the same ticket, delivery and invoice.
result["race"] = sold_delivered_invoiced("load_race_customer", 5)
env.cr.commit()
print("RESULT:" + json.dumps(result))
