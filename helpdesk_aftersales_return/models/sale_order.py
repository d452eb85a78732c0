import math

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero, float_round, plaintext2html
from odoo.tools.misc import formatLang


def shown_quantity(env, value):
    """A quantity as the portal page shows it: 2.00 (2,00 to a German customer)."""
    return formatLang(env, value, dp="Product Unit of Measure")


class EmptyReturnRequest(UserError):
    """A return request with no quantity: the form is shown again with its
    error, as any form the customer has not filled in yet (no HTTP error)."""


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _aftersales_delivered_moves(self):
        """The done, not scrapped moves of this order's done deliveries."""
        self.ensure_one()
        return self.order_line.move_ids.filtered(
            lambda m: m.state == "done"
            and not m.scrapped
            and m.picking_id.picking_type_code == "outgoing"
        )

    def _aftersales_portal_requestable_quantities(self, moves):
        """What the customer may still request of these done delivery moves:
        ``{move: (still requestable, reserved)}`` in the product's unit of
        measure. Still requestable is what is still returnable (delivered
        minus returns, as in the Return dialog) minus what the customer's
        pending return requests reserve (``helpdesk.return.request.line``'s
        ``_aftersales_reserved_quantities``: the rule is written there), for
        every move at once."""
        returnable = moves._aftersales_returnable_quantities()
        reserved = self.env["helpdesk.return.request.line"]._aftersales_reserved_quantities(moves)
        result = {}
        for move in moves:
            rounding = move.product_id.uom_id.rounding
            left = float_round(
                max(returnable[move][0] - reserved[move], 0.0), precision_rounding=rounding
            )
            result[move] = (left, reserved[move])
        return result

    def _aftersales_portal_returnable_lines(self, requestable=None):
        """What the portal's Request a Return offers: ``[(sale line,
        delivered, still returnable, moves, requested)]`` per order line with
        done deliveries, in the product's unit of measure. Still returnable
        is delivered minus returns minus what pending requests reserve
        (``requested``), per move, summed (``requestable``: what
        ``_aftersales_portal_requestable_quantities`` returned, if known)."""
        self.ensure_one()
        moves = self._aftersales_delivered_moves()
        if requestable is None:
            requestable = self._aftersales_portal_requestable_quantities(moves)
        result = []
        for line in self.order_line:
            line_moves = moves.filtered(lambda m, line=line: m.sale_line_id == line)
            if not line_moves:
                continue
            uom = line.product_id.uom_id
            delivered = sum(m.product_uom._compute_quantity(m.quantity, uom) for m in line_moves)
            left = sum(requestable[m][0] for m in line_moves)
            requested = sum(requestable[m][1] for m in line_moves)
            result.append(
                (
                    line,
                    float_round(delivered, precision_rounding=uom.rounding),
                    float_round(left, precision_rounding=uom.rounding),
                    line_moves,
                    float_round(requested, precision_rounding=uom.rounding),
                )
            )
        return result

    def _aftersales_portal_return_team(self):
        """The team of the order's company that receives portal return
        requests, if it offers returns."""
        team = self.company_id.sudo().helpdesk_return_team_id
        return team if team.use_product_returns else team.browse()

    def _aftersales_portal_return_reasons(self):
        return (
            self.env["helpdesk.return.reason"]
            .sudo()
            .search([("company_id", "in", [False, self.company_id.id])])
        )

    def _aftersales_prepare_portal_return(self, quantities, reasons):
        """Check a customer's return request of this order and return the
        values of its request lines. ``quantities`` and ``reasons`` are the
        posted form, ``{sale line id (str): value (str)}``: anything else than
        a delivered line of this order, a quantity above what is still
        returnable or a reason of another company is a ``UserError``."""
        self.ensure_one()
        self._aftersales_check_portal_return_allowed()
        moves = self._aftersales_delivered_moves()
        # Two requests of the same products posted at once: the second waits
        # here until the first is committed, then its transaction fails and
        # is retried (see _aftersales_lock), and it sees the first request's
        # lines. The agent's Return dialog takes the same lock.
        self.env["helpdesk.aftersales.wizard.mixin"]._aftersales_lock(moves)
        requestable = self._aftersales_portal_requestable_quantities(moves)
        offered = {
            item[0].id: item for item in self._aftersales_portal_returnable_lines(requestable)
        }
        if not offered:
            raise UserError(
                self.env._(
                    "The order %(order)s has no delivered products yet: a return can be "
                    "requested once they are delivered.",
                    order=self.name,
                )
            )
        allowed_reasons = self._aftersales_portal_return_reasons()
        requested = {}
        for key, value in quantities.items():
            line_id, quantity = self._aftersales_portal_read_quantity(key, value)
            if line_id not in offered:
                raise UserError(
                    self.env._(
                        "The order %(order)s has no delivered product to return under this "
                        "line: reload the page and try again.",
                        order=self.name,
                    )
                )
            line, __, left, line_moves, reserved = offered[line_id]
            if not self._aftersales_check_portal_quantity(line, quantity, left, reserved):
                continue
            reason = self._aftersales_portal_read_reason(line, reasons.get(key), allowed_reasons)
            requested[line] = (quantity, reason, line_moves)
        if not requested:
            raise EmptyReturnRequest(
                self.env._("Enter the quantity to return of at least one product.")
            )
        return self._aftersales_portal_request_line_vals(requested, requestable)

    def _aftersales_check_portal_return_allowed(self):
        """The order takes return requests: a team receives them, and the
        order is confirmed (the page offers the button only then; its URL
        too)."""
        _ = self.env._
        if not self._aftersales_portal_return_team():
            raise UserError(
                _("Returns cannot be requested online for this order: please contact us.")
            )
        if self.state != "sale":
            raise UserError(
                _(
                    "The order %(order)s is not a confirmed order: a return cannot be "
                    "requested for it.",
                    order=self.name,
                )
            )

    def _aftersales_portal_read_quantity(self, key, value):
        """``(sale line id, quantity)`` of one posted quantity field."""
        line_id = None
        try:
            line_id = int(key)
            quantity = float(value or 0)
        except ValueError:
            quantity = math.nan
        # float() also reads "nan", "inf" and "1e309" (infinite).
        if not math.isfinite(quantity):
            raise UserError(self.env._("Enter the quantities to return as numbers."))
        return line_id, quantity

    def _aftersales_check_portal_quantity(self, line, quantity, left, reserved):
        """Whether ``quantity`` of the order line ``line`` is asked for (not
        zero); a ``UserError`` when negative or above what is still
        returnable (``left``, ``reserved`` by pending requests)."""
        _ = self.env._
        rounding = line.product_id.uom_id.rounding
        if float_compare(quantity, 0.0, precision_rounding=rounding) < 0:
            raise UserError(
                _(
                    "The quantity to return of %(product)s cannot be negative.",
                    product=line.product_id.display_name,
                )
            )
        if float_is_zero(quantity, precision_rounding=rounding):
            return False
        if float_compare(quantity, left, precision_rounding=rounding) <= 0:
            return True
        values = {
            "quantity": shown_quantity(self.env, quantity),
            "available": shown_quantity(self.env, left),
            "uom": line.product_id.uom_id.name,
            "product": line.product_id.display_name,
        }
        if not float_is_zero(reserved, precision_rounding=rounding):
            raise UserError(
                _(
                    "You cannot return %(quantity)s %(uom)s of %(product)s: only "
                    "%(available)s %(uom)s can still be requested, %(requested)s "
                    "%(uom)s are already requested in your pending return requests.",
                    requested=shown_quantity(self.env, reserved),
                    **values,
                )
            )
        raise UserError(
            _(
                "You cannot return %(quantity)s %(uom)s of %(product)s: only "
                "%(available)s %(uom)s can still be returned.",
                **values,
            )
        )

    def _aftersales_portal_read_reason(self, line, value, allowed_reasons):
        """The return reason posted for ``line`` (none when left empty); a
        ``UserError`` when it is not one of those proposed."""
        reason = self.env["helpdesk.return.reason"]
        if not value:
            return reason
        try:
            reason = allowed_reasons.filtered(lambda r: r.id == int(value))
        except ValueError:
            reason = None
        if not reason:
            raise UserError(
                self.env._(
                    "Choose one of the proposed return reasons for %(product)s.",
                    product=line.product_id.display_name,
                )
            )
        return reason

    def _aftersales_portal_request_line_vals(self, requested, requestable):
        """Spread each requested quantity over the line's delivered moves, in
        the order they were delivered, as much as each can still be requested
        (``requestable``, from ``_aftersales_portal_requestable_quantities``)."""
        vals_list = []
        for line, (quantity, reason, moves) in requested.items():
            left = quantity
            rounding = line.product_id.uom_id.rounding
            for move in moves.sorted("id"):
                if float_is_zero(left, precision_rounding=rounding):
                    break
                taken = min(left, requestable[move][0])
                if float_is_zero(taken, precision_rounding=rounding):
                    continue
                left -= taken
                vals_list.append(
                    {
                        "sale_line_id": line.id,
                        "move_id": move.id,
                        "quantity": taken,
                        "return_reason_id": reason.id,
                    }
                )
        return vals_list

    def _aftersales_portal_request_body(self, vals_list, comment=""):
        """The request as the customer wrote it, in their language: each
        product with its quantity as Odoo shows it (``2.00 Units``) and its
        reason, then what they wrote about the problem (``comment``, plain
        text)."""
        lang_self = self.with_context(lang=self.partner_id.lang)
        new_line = lang_self.env["helpdesk.return.request.line"].sudo().new
        rows = Markup()
        for vals in vals_list:
            line = new_line(vals)
            product = line.sale_line_id.product_id.display_name
            quantity = shown_quantity(lang_self.env, line.quantity)
            text = f"{product}: {quantity} {line.uom_id.name}"
            if line.return_reason_id:
                text += f" — {line.return_reason_id.name}"
            rows += Markup("<li>%s</li>") % text
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            lang_self.env._("Return requested from the portal for %(order)s:", order=self.name),
            rows,
        )
        comment = (comment or "").strip()
        if comment:
            body += Markup(plaintext2html(comment))
        return body

    def _aftersales_create_portal_return(self, vals_list, comment=""):
        """Open the ticket of a checked return request (as superuser: the
        customer creates no ticket by themselves), in the company's team of
        portal return requests. Nobody is assigned here: the ticket is the
        team's, as a ticket the team's email alias opens (the helpdesk's own
        assignment rules apply when it has some). The request is also the
        customer's first message in the ticket's chatter."""
        self.ensure_one()
        team = self._aftersales_portal_return_team()
        body = self._aftersales_portal_request_body(vals_list, comment)
        lang_env = self.with_context(lang=self.partner_id.lang).env
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": lang_env._("Return request for %(order)s", order=self.name),
                    "team_id": team.id,
                    # Created as superuser, who is nobody's agent: helpdesk_mgmt's
                    # "Auto assign User" would give the ticket to its creator.
                    "user_id": False,
                    "company_id": self.company_id.id,
                    "partner_id": self.partner_id.id,
                    "sale_order_id": self.id,
                    "description": body,
                    "return_request_line_ids": [(0, 0, vals) for vals in vals_list],
                }
            )
        )
        ticket.message_subscribe(partner_ids=self.partner_id.ids)
        ticket.message_post(
            body=body,
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return ticket

    def _aftersales_portal_can_request_return(self):
        """Show Request a Return on the order's portal page: a confirmed
        order with something still returnable, in a company whose helpdesk
        receives portal return requests."""
        self.ensure_one()
        return (
            self.state == "sale"
            and bool(self._aftersales_portal_return_team())
            and any(item[2] > 0 for item in self._aftersales_portal_returnable_lines())
        )
