from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.sale.controllers.portal import CustomerPortal

from ..models.helpdesk_return_request_line import EmptyReturnRequest


class ReturnRequestPortal(CustomerPortal):
    """Request a Return: from a delivered order's portal page, the customer
    picks products, quantities and reasons; the request opens a ticket in the
    company's team of portal return requests."""

    def _aftersales_return_request_values(self, order_sudo, access_token, error=None, form=None):
        return {
            "page_name": "orders",
            "sale_order": order_sudo,
            "access_token": access_token,
            "returnable_lines": order_sudo._aftersales_portal_returnable_lines()
            if order_sudo
            else [],
            "return_reasons": order_sudo._aftersales_portal_return_reasons() if order_sudo else [],
            "error": error,
            "form": form or {},
        }

    @http.route(
        ["/my/orders/<int:order_id>/return"],
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_order_return_request(self, order_id, access_token=None, **post):
        template = "helpdesk_aftersales_return.portal_order_return_request"
        try:
            order_sudo = self._document_check_access("sale.order", order_id, access_token)
        except (AccessError, MissingError):
            return request.render(
                template,
                self._aftersales_return_request_values(
                    request.env["sale.order"],
                    access_token,
                    error=request.env._("This order does not exist or is not yours."),
                ),
                status=403,
            )
        if request.httprequest.method != "POST":
            return request.render(
                template, self._aftersales_return_request_form(order_sudo, access_token)
            )
        return self._aftersales_return_request_send(order_sudo, access_token, template, post)

    def _aftersales_return_request_form(self, order_sudo, access_token):
        """The values of the empty form (with why nothing can be asked yet)."""
        values = self._aftersales_return_request_values(order_sudo, access_token)
        if not values["returnable_lines"]:
            values["error"] = request.env._(
                "The order %(order)s has no delivered products yet: a return can be "
                "requested once they are delivered.",
                order=order_sudo.name,
            )
        return values

    def _aftersales_return_request_send(self, order_sudo, access_token, template, post):
        """The posted form: the ticket, or the form again with what is wrong."""
        quantities = {
            key.removeprefix("quantity_"): value
            for key, value in post.items()
            if key.startswith("quantity_")
        }
        reasons = {
            key.removeprefix("reason_"): value
            for key, value in post.items()
            if key.startswith("reason_")
        }
        try:
            # Everything is checked before the ticket is created; the
            # savepoint also leaves nothing if the creation itself fails.
            with request.env.cr.savepoint():
                vals_list = order_sudo._aftersales_prepare_portal_return(quantities, reasons)
                ticket = order_sudo._aftersales_create_portal_return(
                    vals_list, comment=post.get("description")
                )
        except UserError as error:
            return request.render(
                template,
                self._aftersales_return_request_values(
                    order_sudo, access_token, error=error.args[0], form=post
                ),
                # Nothing to return yet: the form again, not an HTTP error.
                status=200 if isinstance(error, EmptyReturnRequest) else 400,
            )
        # The ticket's page thanks the customer (return_requested).
        return request.redirect(ticket.get_portal_url(query_string="&return_requested=1"))
