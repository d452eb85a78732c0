import math

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero, plaintext2html

from .helpdesk_return_request_line import shown_quantity


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

    def _aftersales_portal_returnable_lines(self):
        """What the portal's Request a Return offers of this order (the
        request lines' ``_aftersales_portal_offer``: one dict per delivered
        order line)."""
        self.ensure_one()
        return self.env["helpdesk.return.request.line"]._aftersales_portal_offer(self)

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
        posted form, ``{sale line id (str): value (str)}``, read here into
        request lines (new records) that check themselves against what the
        order offers (``_aftersales_check_portal_request``)."""
        self.ensure_one()
        self._aftersales_check_portal_return_allowed()
        allowed_reasons = self._aftersales_portal_return_reasons()
        requests = self.env["helpdesk.return.request.line"].concat(
            *(
                self._aftersales_portal_read_request(key, value, reasons.get(key), allowed_reasons)
                for key, value in quantities.items()
            )
        )
        return requests._aftersales_check_portal_request(self)

    def _aftersales_check_portal_return_allowed(self):
        refusal = self._aftersales_portal_return_refusal()
        if refusal:
            raise UserError(refusal)

    def _aftersales_portal_return_refusal(self):
        """Why the order takes no return request, or None: a team receives
        them, and the order is confirmed (the page offers the button only
        then; its URL too)."""
        if not self._aftersales_portal_return_team():
            return self.env._(
                "Returns cannot be requested online for this order: please contact us."
            )
        if self.state != "sale":
            return self.env._(
                "The order %(order)s is not a confirmed order: a return cannot be "
                "requested for it.",
                order=self.name,
            )
        return None

    def _aftersales_portal_read_request(self, key, value, reason_value, allowed_reasons):
        """One posted product as a request line (a new record, not saved):
        its order line (none when ``key`` names no line of this order), its
        quantity and, when it asks for something, its reason."""
        Request = self.env["helpdesk.return.request.line"]
        line_id = None
        try:
            line_id = int(key)
            quantity = float(value or 0)
        except ValueError:
            quantity = math.nan
        # float() also reads "nan", "inf" and "1e309" (infinite).
        if not math.isfinite(quantity):
            raise UserError(self.env._("Enter the quantities to return as numbers."))
        sale_line = self.order_line.filtered(lambda line: line.id == line_id)
        reason = Request.return_reason_id
        rounding = sale_line.product_id.uom_id.rounding
        if sale_line and not float_is_zero(quantity, precision_rounding=rounding):
            reason = self._aftersales_portal_read_reason(sale_line, reason_value, allowed_reasons)
        return Request.new(
            {"sale_line_id": sale_line.id, "quantity": quantity, "return_reason_id": reason.id}
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
            and any(item["returnable"] > 0 for item in self._aftersales_portal_returnable_lines())
        )
