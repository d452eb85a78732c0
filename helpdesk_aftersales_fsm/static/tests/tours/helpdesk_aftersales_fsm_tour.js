/** @odoo-module **/

import { registry } from "@web/core/registry";
import { ticketServiceSteps } from "@helpdesk_aftersales/../tests/tours/helpdesk_aftersales_tour_utils";

// Started by helpdesk_aftersales_fsm/tests/test_tour.py on the ticket form;
// the team's Field Service project is "Tour Field Service".
registry.category("web_tour.tours").add("helpdesk_aftersales_fsm_tour", {
    steps: () =>
        ticketServiceSteps({
            ticket: "The chair is broken",
            button: "action_generate_fsm_task",
            label: "Plan Intervention",
            dialogSteps: [
                {
                    content: "The task is titled after the ticket",
                    trigger: ".modal .o_field_widget[name=name] input:value('The chair is broken')",
                },
                {
                    content: "... in the team's Field Service project",
                    trigger: ".modal .o_field_widget[name=project_id] input:value('Tour Field Service')",
                },
            ],
            confirm: ["action_generate_task", "Create Task"],
            smartButton: "action_view_fsm_tasks",
            smartLabel: "Tasks",
            documentTrigger: ".o_form_view .o_field_widget[name=project_id]:contains('Tour Field Service'), .o_form_view .o_field_widget[name=project_id] input:value('Tour Field Service')",
        }),
});
