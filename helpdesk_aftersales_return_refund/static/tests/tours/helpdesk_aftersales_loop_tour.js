/** @odoo-module **/

import { registry } from "@web/core/registry";

// The after-sales loop in a real browser, started step by step by
// helpdesk_aftersales_return_refund/tests/test_loop_tour.py: the customer
// (German) requests a return of two "Loop Chair" on the portal; the agent
// authorises it with Return and Refund (the team credits When Received); the
// warehouse receives it (in the test); the agent posts the draft credit note.

const TICKET = "Retourenanfrage für";

registry.category("web_tour.tours").add("helpdesk_aftersales_loop_portal_tour", {
    steps: () => [
        {
            content: "Request a Return on the delivered order's portal page",
            trigger: "#o_portal_request_return",
            run: "click",
        },
        {
            content: "Return the two chairs",
            trigger: "input[name^='quantity_']",
            run: "edit 2",
        },
        {
            content: "Say why",
            trigger: "select[name^='reason_']",
            run: "selectByLabel Loop: the leg broke",
        },
        {
            content: "Send the request",
            trigger: "#o_portal_return_request_send",
            run: "click",
        },
        {
            content: "The new ticket, in the customer's language, lists the chairs",
            trigger: `body:contains('${TICKET}'):contains('Loop Chair')`,
        },
    ],
});

registry.category("web_tour.tours").add("helpdesk_aftersales_loop_authorise_tour", {
    steps: () => [
        {
            content: "The requested ticket is open",
            trigger: `.o_form_view .o_field_widget[name=name] input:value(/${TICKET}/)`,
        },
        {
            content: "Click Return in the ticket's header",
            trigger: ".o_form_view .o_form_statusbar button[name=action_return]",
            run: "click",
        },
        {
            content: "The dialog starts from the request: the two chairs",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:contains('Loop Chair')",
        },
        {
            content: "Authorise: Return and Refund",
            trigger: ".modal .modal-footer button[name=action_create_returns_and_refunds]",
            run: "click",
        },
        {
            content: "The return is shown",
            trigger: "body:not(:has(.modal)) .o_form_view div[name=move_ids_without_package]",
        },
    ],
});

registry.category("web_tour.tours").add("helpdesk_aftersales_loop_credit_tour", {
    steps: () => [
        {
            content: "The received ticket is open",
            trigger: `.o_form_view .o_field_widget[name=name] input:value(/${TICKET}/)`,
        },
        {
            content: "Open its draft credit note",
            trigger: ".o_form_view .o-form-buttonbox button[name=action_view_credit_notes]",
            run: "click",
        },
        {
            content: "Post the credit note",
            trigger: ".o_form_view div[name=invoice_line_ids]:contains('Loop Chair')",
        },
        {
            content: "Click Confirm",
            trigger: ".o_form_view .o_form_statusbar button[name=action_post]",
            run: "click",
        },
        {
            content: "The credit note is posted",
            trigger: ".o_form_view .o_form_statusbar button[name=button_draft]",
        },
    ],
});
