/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by helpdesk_aftersales_return/tests/test_portal_return_request.py on
// /my/tickets as the portal customer, who has a ticket with one return of a
// "Portal Chair" and an order of three of them, one already returned.
registry.category("web_tour.tours").add("helpdesk_aftersales_return_portal_tour", {
    steps: () => [
        {
            content: "Open the ticket from My Tickets",
            trigger: "a:contains('The chair is broken')",
            run: "click",
        },
        {
            content: "The ticket's after-sales block lists its return",
            trigger: "#aftersales_returns:contains('Portal Chair')",
        },
        {
            content: "Go to the customer's sales orders",
            trigger: "body",
            run: "goToUrl /my/orders",
        },
        {
            content: "Open the delivered order",
            trigger: "a[href*='/my/orders/']:not([href*='/return'])",
            run: "click",
        },
        {
            content: "Request a Return",
            trigger: "#o_portal_request_return",
            run: "click",
        },
        {
            content: "Return the two chairs that can still be returned",
            trigger: "input[name^='quantity_']",
            run: "edit 2",
        },
        {
            content: "Say why",
            trigger: "select[name^='reason_']",
            run: "selectByLabel Damaged in transit",
        },
        {
            content: "Send the request",
            trigger: "#o_portal_return_request_send",
            run: "click",
        },
        {
            content: "The new ticket lists the requested products",
            trigger: "body:contains('Return request for'):contains('Portal Chair')",
        },
    ],
});
