/** @odoo-module **/

import {
    backToTicketSteps,
    ticketServiceSteps,
} from "@helpdesk_aftersales/../tests/tours/helpdesk_aftersales_tour_utils";
import { registry } from "@web/core/registry";

// Started by helpdesk_aftersales_refund/tests/test_tour.py on the ticket form;
// the customer has one posted invoice, of 3 chairs: 2 are refunded.
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
                {
                    content: "Products to Refund lists the invoice's line: lower its quantity",
                    trigger:
                        ".modal .o_field_widget[name=helpdesk_line_ids] .o_data_row:contains('Tour Chair') .o_data_cell[name=quantity]",
                    run: "click",
                },
                {
                    content: "Refund 2 of the 3 chairs",
                    trigger: ".modal .o_field_widget[name=helpdesk_line_ids] [name=quantity] input",
                    run: "edit 2",
                },
                {
                    content: "Leave the line: the dialog takes the new quantity",
                    trigger: ".modal .o_horizontal_separator:contains('Products to Refund')",
                    run: "click",
                },
                {
                    content: "Reverse and Create Invoice is for whole invoices: its reason shows",
                    trigger: ".modal [role=status]:contains('whole invoices')",
                },
            ],
            confirmSteps: [
                {
                    content: "Click Reverse",
                    trigger: ".modal .modal-footer button[name=refund_moves]:contains('Reverse')",
                    run: "click",
                },
                {
                    content: "The draft credit note is shown, with the lowered quantity",
                    trigger:
                        "body:not(:has(.modal)) .o_form_view div[name=invoice_line_ids] .o_data_row:contains('Tour Chair') .o_data_cell[name=quantity]:contains('2.00')",
                },
                ...backToTicketSteps("The chair is broken"),
            ],
            smartButton: "action_view_credit_notes",
            smartLabel: "Credit Notes",
            documentTrigger: ".o_form_view div[name=invoice_line_ids]",
        }),
});
