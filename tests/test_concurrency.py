"""Two agents acting on the same document at the same time, in two real
PostgreSQL transactions: together they never return more than was delivered.

Agent 1 returns everything and holds its transaction open; agent 2 then tries
the same return, which must wait for agent 1, fail to serialize when agent 1
commits, and on retry (what Odoo's RPC layer does) be refused."""

import textwrap

import pytest

from .odoo_shell import OdooDatabase

SETUP = textwrap.dedent(
    """
    from odoo import Command
    team = env["helpdesk.team"].create({"name": "Race", "use_product_returns": True})
    customer = env["res.partner"].create({"name": "Race customer"})
    product = env["product.product"].create({"name": "Chair", "type": "consu", "is_storable": True})
    order = env["sale.order"].create({
        "partner_id": customer.id,
        "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 5})],
    })
    order.action_confirm()
    order.picking_ids.move_ids.quantity = 5
    order.picking_ids.move_ids.picked = True
    order.picking_ids.button_validate()
    ticket = env["helpdesk.ticket"].create({"name": "Race", "team_id": team.id,
                                            "partner_id": customer.id})
    env.cr.commit()
    print("RESULT:" + __import__("json").dumps({"ticket": ticket.id,
                                                "move": order.picking_ids.move_ids.id}))
    """
)

RACE = textwrap.dedent(
    """
    import json, threading, time
    import odoo
    from psycopg2.errors import SerializationFailure
    from odoo.exceptions import UserError

    TICKET, MOVE = {ticket}, {move}
    registry = env.registry
    agent1_done, release_agent1 = threading.Event(), threading.Event()
    log = []

    def wizard(env):
        ctx = {{"active_model": "helpdesk.ticket", "active_id": TICKET}}
        wiz = env["helpdesk.stock.return"].with_context(**ctx).create({{}})
        wiz.line_ids.quantity = 5  # what the dialog proposed to both agents
        return wiz

    def agent(name, hold):
        for attempt in range(5):
            try:
                with registry.cursor() as cr:
                    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {{}})
                    wizard(env).action_create_returns()
                    log.append([name, attempt, "returned"])
                    if hold:
                        agent1_done.set()
                        release_agent1.wait(30)
                return
            except SerializationFailure:
                log.append([name, attempt, "serialization failure, retry"])
            except UserError as exc:
                log.append([name, attempt, "refused: " + str(exc)[:80]])
                return

    t1 = threading.Thread(target=agent, args=("agent1", True))
    t1.start()
    agent1_done.wait(60)
    t2 = threading.Thread(target=agent, args=("agent2", False))
    t2.start()
    time.sleep(2)  # agent 2 is now waiting for agent 1's lock
    release_agent1.set()
    t1.join(60)
    t2.join(60)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {{}})
        returns = env["stock.move"].search([("origin_returned_move_id", "=", MOVE)])
        returned = sum(returns.mapped("product_uom_qty"))
    print("RESULT:" + json.dumps({{"log": log, "returned": returned}}))
    """
)


@pytest.fixture(scope="module")
def returns_db(platform_env):
    db = OdooDatabase(platform_env, "ha_race", ["helpdesk_aftersales_return"])
    yield db
    db.close()


def test_two_agents_cannot_return_more_than_delivered(returns_db):
    ids = returns_db.shell(SETUP)
    out = returns_db.shell(RACE.format(**ids))
    assert out["returned"] == 5, out
    outcomes = {name: events[-1] for name, *events in out["log"]}
    assert outcomes["agent1"] == "returned", out["log"]
    assert outcomes["agent2"].startswith("refused"), out["log"]
