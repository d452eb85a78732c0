from operator import itemgetter

from markupsafe import Markup

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.osv.expression import AND, OR
from odoo.tools import groupby as groupbyelem

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class HelpdeskCustomerPortal(CustomerPortal):
    """My Tickets: the customer's side of the helpdesk (as project's My Tasks).
    What a customer sees is what the record rules let them read: the tickets
    of their company (commercial entity)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ticket_count" in counters:
            Ticket = request.env["helpdesk.ticket"]
            values["ticket_count"] = Ticket.search_count([]) if Ticket.has_access("read") else 0
        return values

    # ------------------------------------------------------------
    # My Tickets
    # ------------------------------------------------------------

    def _aftersales_ticket_searchbar_sortings(self):
        _ = request.env._
        return {
            "create_date desc": {"label": _("Newest"), "order": "create_date desc, id desc"},
            "name": {"label": _("Subject"), "order": "name, id desc"},
            "stage_id": {"label": _("Stage"), "order": "stage_id, id desc"},
        }

    def _aftersales_ticket_searchbar_groupby(self):
        _ = request.env._
        return {
            "none": {"label": _("None")},
            "stage_id": {"label": _("Stage")},
        }

    def _aftersales_ticket_searchbar_inputs(self):
        _ = request.env._
        return {
            "name": {
                "input": "name",
                "label": _(
                    "Search%(left)s Tickets%(right)s",
                    left=Markup('<span class="nolabel">'),
                    right=Markup("</span>"),
                ),
            },
            "ticket_ref": {"input": "ticket_ref", "label": _("Search in Reference")},
            "stage_id": {"input": "stage_id", "label": _("Search in Stage")},
            "all": {"input": "all", "label": _("Search in All")},
        }

    def _aftersales_ticket_search_domain(self, search_in, search):
        domains = {
            "name": [("name", "ilike", search)],
            "ticket_ref": [("ticket_ref", "ilike", search)],
            # sudo: customers read a ticket's stage, not the stages' settings.
            "stage_id": [
                (
                    "stage_id",
                    "in",
                    request.env["helpdesk.stage"].sudo()._search([("name", "ilike", search)]),
                )
            ],
        }
        if search_in in domains:
            return domains[search_in]
        return OR(list(domains.values()))

    @http.route(
        ["/my/tickets", "/my/tickets/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_tickets(
        self, page=1, sortby=None, search=None, search_in="name", groupby=None, **kw
    ):
        Ticket = request.env["helpdesk.ticket"]
        values = self._prepare_portal_layout_values()
        searchbar_sortings = self._aftersales_ticket_searchbar_sortings()
        searchbar_groupby = self._aftersales_ticket_searchbar_groupby()
        searchbar_inputs = self._aftersales_ticket_searchbar_inputs()
        if sortby not in searchbar_sortings:
            sortby = "create_date desc"
        if groupby not in searchbar_groupby:
            groupby = "stage_id"
        if search_in not in searchbar_inputs:
            search_in = "name"

        domain = []
        if search:
            domain = AND([domain, self._aftersales_ticket_search_domain(search_in, search)])
        order = searchbar_sortings[sortby]["order"]
        if groupby != "none":
            order = f"{groupby}, {order}"

        pager = portal_pager(
            url="/my/tickets",
            url_args={
                "sortby": sortby,
                "groupby": groupby,
                "search_in": search_in,
                "search": search,
            },
            total=Ticket.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        # Searched as the customer (the record rules apply), shown with sudo: a
        # customer reads the ticket's stage without reading the stages' settings.
        tickets = Ticket.search(
            domain, order=order, limit=self._items_per_page, offset=pager["offset"]
        ).sudo()
        request.session["my_tickets_history"] = tickets.ids[:100]
        if groupby == "none":
            grouped_tickets = [tickets] if tickets else []
        else:
            # Each group holds its own tickets only (``tickets.concat(*group)``
            # put every ticket of the page in front of each group).
            grouped_tickets = [
                tickets.browse().concat(*group)
                for __, group in groupbyelem(tickets, itemgetter(groupby))
            ]
        values.update(
            {
                "grouped_tickets": grouped_tickets,
                "page_name": "ticket",
                "default_url": "/my/tickets",
                "pager": pager,
                "searchbar_sortings": searchbar_sortings,
                "searchbar_groupby": searchbar_groupby,
                "searchbar_inputs": searchbar_inputs,
                "search_in": search_in,
                "search": search,
                "sortby": sortby,
                "groupby": groupby,
            }
        )
        return request.render("helpdesk.portal_my_tickets", values)

    @http.route(["/my/ticket/<int:ticket_id>"], type="http", auth="public", website=True)
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket_sudo = self._document_check_access("helpdesk.ticket", ticket_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._ticket_get_page_view_values(ticket_sudo, access_token, **kw)
        return request.render("helpdesk.portal_my_ticket", values)

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        """The values of a ticket's portal page. ``ticket`` is sudo, and only
        after ``_document_check_access`` allowed it: modules that show more of
        the ticket on its page extend this (as Odoo Enterprise's helpdesk)."""
        values = {
            "page_name": "ticket",
            "ticket": ticket,
            "user": request.env.user,
        }
        return self._get_page_view_values(
            ticket, access_token, values, "my_tickets_history", False, **kwargs
        )
