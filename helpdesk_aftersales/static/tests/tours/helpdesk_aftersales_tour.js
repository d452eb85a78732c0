/** @odoo-module **/

import { registry } from "@web/core/registry";

/**
 * A newcomer's walk through the After-Sales suite: a ticket of the After-Sales
 * team, then the team's After-Sales settings (on either helpdesk).
 *
 * Started by helpdesk_aftersales/tests/test_tour.py on the ticket action; the
 * test creates the team "After-Sales" and its ticket "The chair is broken".
 * Bridges extend the walk with their own tours (button, dialog, smart button).
 */
const AFTERSALES_SETTINGS = [
    ["use_credit_notes", "Refunds"],
    ["use_coupons", "Coupons"],
    ["use_product_returns", "Returns"],
    ["use_product_repairs", "Repairs"],
    ["use_fsm", "Field Service"],
];

registry.category("web_tour.tours").add("helpdesk_aftersales_tour", {
    steps: () => [
        {
            // A kanban (the stand-in) or a list (helpdesk_mgmt) of tickets.
            content: "The tickets are shown: open the ticket",
            trigger:
                ".o_kanban_record:contains('The chair is broken'), .o_data_row .o_data_cell[name=name]:contains('The chair is broken')",
            run: "click",
        },
        {
            content: "The ticket form shows the After-Sales team and its customer",
            trigger: ".o_form_view .o_field_widget[name=team_id] input:value('After-Sales')",
        },
        {
            content: "The ticket's customer is shown",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input:value('Deco Addict')",
        },
        {
            content: "The ticket's stage bar is in the header",
            trigger: ".o_form_view .o_form_statusbar .o_statusbar_status",
        },
        {
            content: "Open Helpdesk > Configuration",
            trigger: ".o_main_navbar .o_menu_sections button:contains('Configuration')",
            run: "click",
        },
        {
            // "Helpdesk Teams" (the stand-in), "Teams" (helpdesk_mgmt)
            content: "Open the helpdesk teams",
            trigger: ".dropdown-menu .dropdown-item:contains('Teams')",
            run: "click",
        },
        {
            content: "Open the After-Sales team",
            trigger: ".o_list_view .o_data_row .o_data_cell:contains('After-Sales')",
            run: "click",
        },
        {
            content: "The team form has an After-Sales section",
            trigger: ".o_form_view h2:contains('After-Sales')",
        },
        ...AFTERSALES_SETTINGS.map(([field, label]) => ({
            content: `The After-Sales section offers ${label}`,
            trigger: `.o_form_view div[name=after_sales] #${field}:has(.o_field_widget[name=${field}] input[type=checkbox]) .o_form_label:contains('${label}')`,
        })),
    ],
});
