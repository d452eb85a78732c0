/** @odoo-module **/

import { registry } from "@web/core/registry";
import { ticketServiceSteps } from "@helpdesk_aftersales/../tests/tours/helpdesk_aftersales_tour_utils";

// Started by helpdesk_aftersales_coupon/tests/test_tour.py on the ticket form;
// a Coupons program "Tour Goodwill" exists.
registry.category("web_tour.tours").add("helpdesk_aftersales_coupon_tour", {
    steps: () =>
        ticketServiceSteps({
            ticket: "The chair is broken",
            button: "action_generate_coupon",
            label: "Coupon",
            dialogSteps: [
                {
                    content: "Choose the coupon program",
                    trigger: ".modal .o_field_widget[name=program_id] input",
                    run: "edit Tour Goodwill",
                },
                {
                    content: "The Coupons program is offered",
                    trigger: ".ui-menu-item a:contains('Tour Goodwill')",
                    run: "click",
                },
                {
                    content: "The program is chosen",
                    trigger: ".modal .o_field_widget[name=program_id] input:value('Tour Goodwill')",
                },
            ],
            confirm: ["action_generate", "Generate"],
            smartButton: "action_view_coupons",
            smartLabel: "Coupons",
            documentTrigger: ".o_form_view .o_field_widget[name=code]",
        }),
});
