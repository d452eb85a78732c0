/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by helpdesk_aftersales_sale_stock/tests/test_tour.py on the form of
// a ticket about a delivered product under warranty.
registry.category("web_tour.tours").add("helpdesk_aftersales_ticket_form_tour", {
    steps: () => [
        {
            // The stand-in's reference under the title; helpdesk_mgmt shows
            // its own number (HT…) in its own field.
            content: "The ticket's reference is shown as Odoo shows one: #<reference>",
            trigger: ".o_form_view .oe_title",
            run() {
                const reference = this.anchor.querySelector("div[name=ticket_ref]");
                if (!reference) {
                    return;
                }
                const text = reference.textContent.replace(/\s+/g, "");
                if (!/^#\S+$/.test(text)) {
                    throw new Error(`The reference reads "${text}", not "#<reference>"`);
                }
            },
        },
        {
            content: "The warranty's label is a label, not greyed as a read-only field's",
            trigger: ".o_form_view .o_form_label:contains('Warranty')",
            run() {
                if (getComputedStyle(this.anchor).opacity !== "1") {
                    throw new Error("The Warranty label is greyed");
                }
            },
        },
        {
            content: "The warranty's date is next to its text",
            trigger:
                ".o_form_view div[name=warranty]:has(div:contains('Under warranty until')) .o_field_widget[name=warranty_date]",
            run() {
                const row = this.anchor.closest("div[name=warranty]");
                const text = [...row.children].find((el) =>
                    el.textContent.includes("Under warranty until")
                );
                const gap =
                    this.anchor.getBoundingClientRect().left -
                    text.getBoundingClientRect().right;
                if (gap > 24) {
                    throw new Error(`The date is ${gap}px away from its text`);
                }
            },
        },
    ],
});
