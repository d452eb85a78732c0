/** @odoo-module **/

import { registry } from "@web/core/registry";

/**
 * Switching a service on reloads the web client once the team is saved, so
 * that the views of the module the save installed are shown. Started by
 * helpdesk_aftersales/tests/test_tour.py on the form of a team without services.
 */
registry.category("web_tour.tours").add("helpdesk_aftersales_team_reload_tour", {
    steps: () => [
        {
            content: "Switch Refunds on",
            trigger: ".o_form_view div[name=after_sales] .o_field_widget[name=use_credit_notes] input",
            run: "click",
        },
        {
            content: "Mark the page: a reload removes the mark",
            trigger: ".o_form_view .o_form_button_save",
            run() {
                document.body.classList.add("o_ha_before_reload");
            },
        },
        {
            content: "Save the team",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The web client reloaded and shows the saved team with Refunds on",
            trigger:
                "body:not(.o_ha_before_reload) .o_form_view .o_form_saved .o_field_widget[name=use_credit_notes] input:checked",
        },
    ],
});
