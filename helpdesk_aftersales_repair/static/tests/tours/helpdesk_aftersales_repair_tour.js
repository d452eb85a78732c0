/** @odoo-module **/

import {
    backToTicketSteps,
    ticketServiceSteps,
} from "@helpdesk_aftersales/../tests/tours/helpdesk_aftersales_tour_utils";
import { registry } from "@web/core/registry";

// Started by helpdesk_aftersales_repair/tests/test_tour.py on the ticket form;
// the ticket's product is "Tour Chair".
registry.category("web_tour.tours").add("helpdesk_aftersales_repair_tour", {
    steps: () =>
        ticketServiceSteps({
            ticket: "The chair is broken",
            button: "action_repair",
            label: "Repair",
            dialogSteps: [
                {
                    content: "The Repairs app's own form opens",
                    trigger: ".o_form_view .o_field_widget[name=under_warranty]",
                },
                {
                    content: "The repair order is prefilled with the ticket's customer",
                    trigger: ".o_form_view:has(.o_field_widget[name=under_warranty]) .o_field_widget[name=partner_id] input:value('Deco Addict')",
                },
                {
                    content: "... and product",
                    trigger: ".o_form_view:has(.o_field_widget[name=under_warranty]) .o_field_widget[name=product_id] input:value('Tour Chair')",
                },
            ],
            confirmSteps: [
                {
                    content: "Save the repair order",
                    trigger: ".o_form_view .o_form_button_save",
                    run: "click",
                },
                {
                    content: "The repair order is saved",
                    trigger: ".o_form_view .o_form_saved",
                },
                ...backToTicketSteps("The chair is broken"),
            ],
            smartButton: "action_view_repairs",
            smartLabel: "Repairs",
            documentTrigger: ".o_form_view .o_field_widget[name=under_warranty]",
        }),
});
