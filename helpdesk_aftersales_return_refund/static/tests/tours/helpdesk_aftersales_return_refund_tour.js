/** @odoo-module **/

import {
    backToTicketSteps,
    smartButtonCountSteps,
    ticketServiceSteps,
} from "@helpdesk_aftersales/../tests/tours/helpdesk_aftersales_tour_utils";
import { registry } from "@web/core/registry";

// Started by helpdesk_aftersales_return_refund/tests/test_tour.py on the
// ticket form; the customer has one done and invoiced delivery of two
// "Tour Chair".
registry.category("web_tour.tours").add("helpdesk_aftersales_return_refund_tour", {
    steps: () => [
        ...ticketServiceSteps({
            ticket: "The chair is broken",
            button: "action_return",
            label: "Return",
            dialogSteps: [
                {
                    content: "The only delivery is proposed with what is returnable",
                    trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:contains('Tour Chair')",
                },
            ],
            confirmSteps: [
                {
                    content: "Click Return and Refund",
                    trigger: ".modal .modal-footer button[name=action_create_returns_and_refunds]:contains('Return and Refund')",
                    run: "click",
                },
                {
                    content: "The return is shown",
                    trigger: "body:not(:has(.modal)) .o_form_view div[name=move_ids_without_package]",
                },
                ...backToTicketSteps("The chair is broken"),
            ],
            smartButton: "action_view_credit_notes",
            smartLabel: "Credit Notes",
            documentTrigger: ".o_form_view div[name=invoice_line_ids] .o_data_row:contains('Tour Chair')",
        }),
        ...smartButtonCountSteps("action_view_pickings", "Transfers", 1),
    ],
});
