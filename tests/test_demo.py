"""The demo database of `make run`, as a newcomer sees it: Odoo's demo data,
the whole suite with its demo data, the After-Sales team with every service on
and tickets whose buttons and smart buttons work.

The Odoo module tests run without demo data, so this is the test of the
suite's demo/ files: it copies the very database `make run` copies (the
demo template + the whole suite with its demo data, cached by the content of
the suite's files) and looks at it from an odoo shell as the administrator
who logs in."""

import subprocess
import textwrap

import pytest

from .conftest import product_modules
from .odoo_shell import OdooDatabase

SCRIPT = textwrap.dedent(
    """
    import json
    from odoo.tests import Form

    from odoo.addons.helpdesk_aftersales_refund.tests.common import offered
    from odoo.addons.helpdesk_aftersales.models.helpdesk_team import AFTERSALES_MODULES

    env = env(user=env.ref("base.user_admin"))
    out = {}
    team = env.ref("helpdesk_aftersales.helpdesk_team_aftersales")
    out["services"] = {field: team[field] for field in AFTERSALES_MODULES}
    out["team_alias"] = team.alias_email
    tickets = env["helpdesk.ticket"].search([("team_id", "=", team.id)])
    out["tickets"] = len(tickets)
    out["stages"] = sorted(set(tickets.stage_id.mapped("name")))
    # Where each ticket's returns stand (the ticket's loop block).
    out["loop_steps"] = {
        t.name: [row["step"] for row in t._aftersales_loop_rows()] for t in tickets
    }

    # The documents behind the loop's later steps: credit notes, repairs and
    # their deliveries back, by state.
    out["loop_documents"] = {
        t.name: {
            "credit_notes": env["account.move"].search([
                ("helpdesk_ticket_id", "=", t.id), ("move_type", "=", "out_refund"),
            ]).mapped("state"),
            "repairs": t.repair_ids.mapped("state"),
            "deliveries_back": t.repair_ids.aftersales_delivery_ids.mapped("state"),
        }
        for t in tickets
    }

    customers = tickets.commercial_partner_id
    invoices = env["account.move"].search([
        ("move_type", "=", "out_invoice"), ("state", "=", "posted"),
        ("commercial_partner_id", "in", customers.ids),
    ])
    out["invoiced"] = sorted(set(invoices.commercial_partner_id.mapped("name")))
    deliveries = env["stock.picking"].search([
        ("picking_type_code", "=", "outgoing"), ("state", "=", "done"),
        ("partner_id", "child_of", customers.ids),
    ])
    out["delivered"] = sorted(set(deliveries.partner_id.commercial_partner_id.mapped("name")))
    out["delivered_serials"] = sorted(deliveries.move_line_ids.filtered(
        lambda line: line.product_id.tracking == "serial"
    ).lot_id.mapped("name"))
    out["tickets_with_serial"] = tickets.filtered("lot_id").mapped("lot_id.name")
    out["warranty"] = {
        t.name: [t.warranty_state, t.lot_id.name or False] for t in tickets if t.warranty_state
    }

    out["coupon_programs"] = env["loyalty.program"].search(
        [("program_type", "=", "coupons")]
    ).mapped("name")
    project = team.fsm_project_id
    out["fsm_project"] = {
        "is_fsm": project.is_fsm,
        "allow_worksheets": project.allow_worksheets,
        "template": project.worksheet_template_id.name,
        "privacy": project.privacy_visibility,
    }

    COUNTS = {
        "credit_note_count": "action_view_credit_notes",
        "coupon_count": "action_view_coupons",
        "picking_count": "action_view_pickings",
        "repair_count": "action_view_repairs",
        "fsm_task_count": "action_view_fsm_tasks",
    }
    out["counts"] = {
        field: {t.name: t[field] for t in tickets if t[field]} for field in COUNTS
    }
    # Each smart button shown opens its documents, which can be read.
    out["smart_buttons"] = errors = []
    opened = 0
    for ticket in tickets:
        for field, method in COUNTS.items():
            if not ticket[field]:
                continue
            action = getattr(ticket, method)()
            docs = env[action["res_model"]].browse(action["res_id"]) if action.get("res_id") \\
                else env[action["res_model"]].search(action["domain"])
            docs.read(["display_name"])
            if len(docs) != ticket[field]:
                errors.append([ticket.name, method, len(docs), ticket[field]])
            opened += 1
    out["smart_buttons_opened"] = opened

    def to_do(lines):
        # [product, quantity] of the lines a dialog lists with something to do.
        return [
            [env["product.product"].browse(vals["product_id"]).name, vals["quantity"]]
            for vals in lines._records
            if vals["quantity"] > 0
        ]

    # Each header button shown opens its dialog (or form) with the ticket's
    # values, as the web client would; what it offers to do is recorded.
    BUTTONS = {
        "use_credit_notes": "action_refund",
        "use_coupons": "action_generate_coupon",
        "use_product_returns": "action_return",
        "use_product_repairs": "action_repair",
        "use_fsm": "action_generate_fsm_task",
    }
    out["buttons"] = buttons = {}
    out["return_and_refund"] = {}
    for ticket in tickets:
        for flag, method in BUTTONS.items():
            hidden = method == "action_return" and not ticket.has_partner_deliveries
            if not ticket[flag] or hidden:
                continue
            action = getattr(ticket, method)()
            view = next((v for v, mode in action.get("views", []) if mode == "form"), False)
            form = Form(env[action["res_model"]].with_context(**action["context"]), view=view)
            key = f"{ticket.name} / {method}"
            if method == "action_refund":
                # As the agent does: choose the invoices the dialog offers;
                # Products to Refund then lists what they still refund.
                for invoice in offered(form):
                    form.move_ids.add(invoice)
                buttons[key] = to_do(form.helpdesk_line_ids)
            elif method == "action_return":
                buttons[key] = to_do(form.line_ids)
                if buttons[key]:
                    # Return and Refund (helpdesk_aftersales_return_refund):
                    # what its credit note would refund of these lines.
                    plan, _not_credited = form.save()._aftersales_credit_plan()
                    out["return_and_refund"][key] = [
                        [line.product_id.name, quantity] for line, quantity in plan.items()
                    ]
            elif method == "action_repair":
                buttons[key] = form.partner_id == ticket.partner_id
                out["repair_under_warranty"] = out.get("repair_under_warranty", {})
                out["repair_under_warranty"][ticket.name] = form.under_warranty
            elif method == "action_generate_fsm_task":
                buttons[key] = form.project_id == team.fsm_project_id
            else:
                buttons[key] = form.helpdesk_ticket_id == ticket and bool(
                    offered(form, "program_id")
                )

    # The customer's side: the demo's portal customer (login "azure") sees his
    # company's ticket with its after-sales documents, and a delivered order
    # that offers Request a Return.
    portal_user = env["res.users"].search([("login", "=", "azure")])
    portal_env = env(user=portal_user)
    visible = portal_env["helpdesk.ticket"].search([])
    orders = portal_env["sale.order"].search([("state", "=", "sale")])
    out["portal"] = {
        "portal_user": portal_user.has_group("base.group_portal"),
        "customer": portal_user.commercial_partner_id.name,
        "tickets": {
            t.name: {"returns": t.sudo().picking_count, "repairs": t.sudo().repair_count}
            for t in visible
        },
        "orders_to_return": [
            o.name for o in orders.sudo() if o._aftersales_portal_can_request_return()
        ],
    }
    print("RESULT:" + json.dumps(out))
    """
)

STORY_CUSTOMERS = {
    "Deco Addict",  # scratched desk: refund
    "Gemini Furniture",  # late delivery: coupon
    "Ready Mat",  # chairs of the wrong colour: exchange
    "Azure Interior",  # broken drawer rail: repair
    "The Jackson Group",  # table to assemble: field service
}


# Azure Interior's portal requests, one at each first step of the loop.
LOOP_TICKETS = (
    "Cabinet not needed: return requested",
    "Office chair squeaks: return authorised",
    "Office chair of the wrong model: returned",
)
# The loop's later steps, each ticket's return made, received and then
# credited (helpdesk_aftersales_return_refund's demo) or repaired and shipped
# back (helpdesk_aftersales_repair_return's): {ticket: its return's step}.
LATER_LOOP_TICKETS = {
    "Office lamps flicker: returned and credited": "credited",
    "Office chair armrest loose: repaired": "repaired",
    "Office chair sinks: repaired and shipped back": "shipped",
}


@pytest.fixture(scope="module")
def demo(platform_env):
    try:
        db = OdooDatabase(platform_env, "ha_demo_test", product_modules(), demo=True)
    except subprocess.CalledProcessError as exc:
        pytest.fail(
            "installing the suite with its demo data failed:\n"
            + (exc.stdout or b"").decode()[-3000:]
            + (exc.stderr or b"").decode()[-5000:]
        )
    try:
        yield db.shell(SCRIPT)
    finally:
        db.close()


def test_demo_team_offers_every_service(demo):
    assert demo["services"] == dict.fromkeys(demo["services"], True)
    assert len(demo["services"]) == 5


def test_demo_team_has_an_email_alias(demo):
    # The README: each team has an email alias (an email opens a ticket).
    assert demo["team_alias"] == "aftersales@example.com"


def test_demo_tickets_in_several_stages(demo):
    assert demo["tickets"] >= 5
    assert len(demo["stages"]) >= 3, demo["stages"]


def test_demo_ticket_at_each_step_of_the_loop(demo):
    # Issue 29: the demo shows one ticket at each step of the loop.
    steps = demo["loop_steps"]
    assert [steps[ticket] for ticket in LOOP_TICKETS] == [
        ["requested"],
        ["authorised"],
        ["received"],
    ], steps
    assert {ticket: steps[ticket] for ticket in LATER_LOOP_TICKETS} == {
        ticket: [step] for ticket, step in LATER_LOOP_TICKETS.items()
    }, steps


def test_demo_loop_later_steps_documents(demo):
    # Credited: the credit note drafted on receipt, then posted; Repaired:
    # the repair done, its delivery back waiting; Shipped Back: validated.
    documents = demo["loop_documents"]
    assert [documents[ticket] for ticket in LATER_LOOP_TICKETS] == [
        {"credit_notes": ["posted"], "repairs": [], "deliveries_back": []},
        {"credit_notes": [], "repairs": ["done"], "deliveries_back": ["assigned"]},
        {"credit_notes": [], "repairs": ["done"], "deliveries_back": ["done"]},
    ], documents


def test_demo_customers_have_invoices_and_deliveries(demo):
    assert STORY_CUSTOMERS <= set(demo["invoiced"]), demo["invoiced"]
    assert STORY_CUSTOMERS <= set(demo["delivered"]), demo["delivered"]
    assert demo["delivered_serials"], "one delivery is tracked by serial number"
    assert set(demo["tickets_with_serial"]) <= set(demo["delivered_serials"])
    assert demo["tickets_with_serial"], "a ticket names the delivered serial number"


def test_demo_ticket_under_warranty(demo):
    # The rolling drawer unit has a 24-month warranty and was delivered at
    # install: its ticket shows it under warranty, and its repair ticks it.
    under = {name for name, (state, lot) in demo["warranty"].items() if state == "under" and lot}
    assert under, demo["warranty"]
    assert all(demo["repair_under_warranty"].get(name) for name in under), demo[
        "repair_under_warranty"
    ]


def test_demo_coupon_program_and_fsm_project(demo):
    assert demo["coupon_programs"], "a program of type Coupons"
    assert demo["fsm_project"] == {
        "is_fsm": True,
        "allow_worksheets": True,
        "template": "On-Site Assembly",
        "privacy": "portal",
    }


def test_demo_tickets_already_have_documents(demo):
    for field, counts in demo["counts"].items():
        assert counts, f"no demo ticket shows a {field} smart button"
    assert demo["smart_buttons"] == [], "a smart button opens other documents than it counts"
    assert demo["smart_buttons_opened"] >= 5


def test_demo_ticket_buttons_open(demo):
    buttons = demo["buttons"]
    for method in (
        "action_refund",
        "action_generate_coupon",
        "action_return",
        "action_repair",
        "action_generate_fsm_task",
    ):
        assert any(key.endswith(method) for key in buttons), f"no demo ticket shows {method}"
    # Every dialog opened with the ticket's values: the repair order with the
    # customer, the task in the team's project, the coupon with a program to
    # choose.
    for key, value in buttons.items():
        if key.endswith(("action_repair", "action_generate_fsm_task", "action_generate_coupon")):
            assert value is True, key


def test_demo_ticket_dialogs_offer_something_to_do(demo):
    # Each story's ticket, opened by a newcomer: the dialog of its service
    # offers something still to do, though its document is already there
    # (smart button). The desk's order also had a lamp, refunded already (a
    # credit note of that line): its invoice still has the desk to refund.
    # Two of the four chairs were exchanged: two are still returnable.
    buttons = demo["buttons"]
    assert buttons["Desk arrived scratched: refund requested / action_refund"] == [
        ["Large Desk", 1.0]
    ]
    assert buttons["Desk arrived scratched: refund requested / action_return"] == [
        ["Large Desk", 1.0]
    ]
    assert buttons["Wrong colour of office chairs: exchange / action_return"] == [
        ["Office Chair Black", 2.0]
    ]
    # Their Return and Refund credits what is returned: both are invoiced and
    # not credited yet.
    # The loop's tickets are about an order not invoiced: nothing to credit.
    plans = dict(demo["return_and_refund"])
    for ticket in LOOP_TICKETS:
        assert plans.pop(f"{ticket} / action_return", []) == [], demo["return_and_refund"]
    assert plans == {
        "Desk arrived scratched: refund requested / action_return": [["Large Desk", 1.0]],
        "Wrong colour of office chairs: exchange / action_return": [["Office Chair Black", 2.0]],
        "Delivery two weeks late: goodwill gesture / action_return": [["Large Cabinet", 2.0]],
        "Conference table to assemble on site / action_return": [["Large Meeting Table", 1.0]],
    }
    assert buttons["Delivery two weeks late: goodwill gesture / action_generate_coupon"] is True
    assert buttons["Drawer rail broken after one month / action_repair"] is True
    assert buttons["Conference table to assemble on site / action_generate_fsm_task"] is True
    counts = demo["counts"]
    assert counts["credit_note_count"] == {
        "Desk arrived scratched: refund requested": 1,
        "Office lamps flicker: returned and credited": 1,
    }
    assert counts["picking_count"]["Wrong colour of office chairs: exchange"] == 2


def test_demo_portal_customer(demo):
    # The README's portal screenshots: Brandon Freeman of Azure Interior logs
    # in as azure / azure and sees the drawer's ticket with its return and
    # repair order, and a delivered order he can request a return of.
    portal = demo["portal"]
    assert portal["portal_user"] is True
    assert portal["customer"] == "Azure Interior"
    assert portal["tickets"] == {
        "Drawer rail broken after one month": {"returns": 1, "repairs": 1},
        # The requests of the loop's steps (helpdesk_aftersales_return's demo).
        "Cabinet not needed: return requested": {"returns": 0, "repairs": 0},
        "Office chair squeaks: return authorised": {"returns": 1, "repairs": 0},
        "Office chair of the wrong model: returned": {"returns": 1, "repairs": 0},
    }, portal["tickets"]
    assert len(portal["orders_to_return"]) == 1, portal["orders_to_return"]
