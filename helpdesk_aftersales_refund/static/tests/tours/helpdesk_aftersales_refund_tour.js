/** @odoo-module **/

import {
    backToTicketSteps,
    ticketServiceSteps,
} from "@helpdesk_aftersales/../tests/tours/helpdesk_aftersales_tour_utils";
import { registry } from "@web/core/registry";

// Started by helpdesk_aftersales_refund/tests/test_tour.py on the ticket form;
// the customer has one posted invoice.
registry.category("web_tour.tours").add("helpdesk_aftersales_refund_tour", {
    steps: () =>
        ticketServiceSteps({
            ticket: "The chair is broken",
            button: "action_refund",
            label: "Refund",
            dialogSteps: [
                {
                    content: "Choose the invoice to refund",
                    trigger: ".modal .o_field_widget[name=move_ids] input",
                    run: "click",
                },
                {
                    content: "The customer's posted invoice is offered",
                    trigger: ".ui-menu-item a:contains('INV/')",
                    run: "click",
                },
                {
                    content: "The invoice is chosen",
                    trigger: ".modal .o_field_widget[name=move_ids] .o_tag:contains('INV/')",
                },
            ],
            confirmSteps: [
                {
                    content: "Click Reverse",
                    trigger: ".modal .modal-footer button[name=refund_moves]:contains('Reverse')",
                    run: "click",
                },
                {
                    content: "The draft credit note is shown",
                    trigger: "body:not(:has(.modal)) .o_form_view div[name=invoice_line_ids]",
                },
                ...backToTicketSteps("The chair is broken"),
            ],
            smartButton: "action_view_credit_notes",
            smartLabel: "Credit Notes",
            documentTrigger: ".o_form_view div[name=invoice_line_ids]",
        }),
});
