/** @odoo-module **/

import {
    backToTicketSteps,
    ticketServiceSteps,
} from "@helpdesk_aftersales/../tests/tours/helpdesk_aftersales_tour_utils";
import { registry } from "@web/core/registry";

// Started by helpdesk_aftersales_return/tests/test_tour.py on the ticket form;
// the customer has one done delivery of two "Tour Chair".
registry.category("web_tour.tours").add("helpdesk_aftersales_return_tour", {
    steps: () =>
        ticketServiceSteps({
            ticket: "The chair is broken",
            button: "action_return",
            label: "Return",
            dialogSteps: [
                {
                    content: "The only delivery is proposed with what is returnable",
                    trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:contains('Tour Chair')",
                },
                {
                    content: "Choose the line's return reason",
                    trigger: ".modal .o_data_row:contains('Tour Chair') td[name=return_reason_id]",
                    run: "click",
                },
                {
                    content: "Search the reason",
                    trigger: ".modal .o_data_row .o_field_widget[name=return_reason_id] input",
                    run: "edit Wrong item",
                },
                {
                    content: "Pick it",
                    trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains('Wrong item')",
                    run: "click",
                },
            ],
            confirmSteps: [
                {
                    content: "Click Return",
                    trigger: ".modal .modal-footer button[name=action_create_returns]:contains('Return')",
                    run: "click",
                },
                {
                    content: "The return is shown",
                    trigger: "body:not(:has(.modal)) .o_form_view div[name=move_ids_without_package]",
                },
                {
                    content: "The receipt shows the return reason chosen in the dialog",
                    trigger: ".o_form_view div[name=move_ids_without_package] .o_data_row td[name=helpdesk_return_reason_id]:contains('Wrong item')",
                },
                ...backToTicketSteps("The chair is broken"),
            ],
            smartButton: "action_view_pickings",
            smartLabel: "Transfers",
            documentTrigger: ".o_form_view div[name=move_ids_without_package]",
        }),
});
