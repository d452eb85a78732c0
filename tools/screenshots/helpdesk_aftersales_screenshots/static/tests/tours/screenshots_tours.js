/** @odoo-module **/

/**
 * One tour per screenshot of the README: each ends on the screen to shoot;
 * tests/test_screenshots.py saves it once the tour has succeeded.
 */
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

const ticketFormOpen = {
    content: "The ticket form is open",
    trigger: ".o_form_view .o_form_statusbar",
};

// The avatars (assignee, chatter) are loaded before the screen is shot.
const imagesLoaded = {
    content: "The images of the screen are loaded",
    trigger: ".o-mail-Chatter .o-mail-Message img",
    async run() {
        const images = [...document.querySelectorAll("img")];
        await Promise.all(
            images.map(
                (img) =>
                    img.complete ||
                    new Promise((resolve) => {
                        img.onload = img.onerror = resolve;
                    })
            )
        );
    },
};

function clickHeaderButton(name) {
    return {
        content: `Click the ticket's header button ${name}`,
        trigger: `.o_form_view .o_form_statusbar button[name=${name}]`,
        run: "click",
    };
}

tours.add("ha_shot_team_after_sales_settings", {
    steps: () => [
        {
            content: "The team's After-Sales section is shown",
            trigger: ".o_form_view div[name=after_sales]",
        },
        {
            content: "Returns says when Return and Refund credits the customer",
            trigger: ".o_form_view div[name=return_credit_policy]",
        },
        {
            content: "Customer Emails: one switch per step of the loop",
            trigger: ".o_form_view #aftersales_customer_emails div[name=aftersales_notify_product_shipped]",
        },
    ],
});

tours.add("ha_shot_ticket_form", {
    steps: () => [
        ticketFormOpen,
        {
            content: "The Returns smart button counts the return",
            trigger: ".o-form-buttonbox button[name=action_view_pickings] .o_stat_value",
        },
        {
            content: "The Repairs smart button counts the repair order",
            trigger: ".o-form-buttonbox button[name=action_view_repairs] .o_stat_value",
        },
        {
            content: "The chatter shows the ticket's messages",
            trigger: ".o-mail-Chatter .o-mail-Message",
        },
        imagesLoaded,
    ],
});

tours.add("ha_shot_ticket_refund_dialog", {
    steps: () => [
        ticketFormOpen,
        clickHeaderButton("action_refund"),
        {
            content: "The only invoice of the ticket's sales order is chosen",
            trigger: ".modal .o_field_widget[name=move_ids] .o_tag",
        },
        {
            content: "The journal is proposed",
            trigger: ".modal .o_field_widget[name=journal_id] input",
        },
        {
            content: "Products to Refund lists the desk, still to refund",
            trigger: ".modal .o_field_widget[name=helpdesk_line_ids] .o_data_row",
        },
    ],
});

tours.add("ha_shot_ticket_coupon_dialog", {
    steps: () => [
        ticketFormOpen,
        clickHeaderButton("action_generate_coupon"),
        {
            content: "The Generate a Coupon dialog is open",
            trigger: ".modal .modal-content .o_field_widget[name=expiration_date]",
        },
    ],
});

tours.add("ha_shot_ticket_return_dialog", {
    steps: () => [
        ticketFormOpen,
        clickHeaderButton("action_return"),
        {
            content: "The Return dialog lists the products to take back",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row",
        },
    ],
});

tours.add("ha_shot_ticket_repair_order", {
    steps: () => [
        ticketFormOpen,
        clickHeaderButton("action_repair"),
        {
            content: "The repair order is prefilled from the ticket",
            trigger: ".o_form_view .o_field_widget[name=under_warranty]",
        },
    ],
});

tours.add("ha_shot_ticket_fsm_dialog", {
    steps: () => [
        ticketFormOpen,
        clickHeaderButton("action_generate_fsm_task"),
        {
            content: "The Create a Field Service task dialog is open",
            trigger: ".modal .modal-content .o_field_widget[name=name]",
        },
    ],
});

tours.add("ha_shot_tickets_kanban", {
    steps: () => [
        {
            content: "The tickets are shown by stage",
            trigger: ".o_kanban_view .o_kanban_record",
        },
        {
            content: "The assignees' avatars are loaded",
            trigger: ".o_kanban_record .o_field_many2one_avatar_user img",
            async run() {
                const images = [...document.querySelectorAll(".o_kanban_record img")];
                await Promise.all(
                    images.map(
                        (img) =>
                            img.complete ||
                            new Promise((resolve) => {
                                img.onload = img.onerror = resolve;
                            })
                    )
                );
            },
        },
    ],
});

// The customer's side, as the demo's portal customer (Azure Interior).
tours.add("ha_shot_portal_home", {
    steps: () => [
        {
            // Odoo 18 shows a card once its count is not 0 (the count itself
            // stays hidden); in German the link is /de/my/tickets.
            content: "The portal home shows the Tickets card: the customer has tickets",
            trigger: ".o_portal_index_card:not(.d-none) a[href$='/my/tickets']",
        },
        {
            content: "Every card is counted",
            trigger: ".o_portal_my_home:not(:has(.o_portal_doc_spinner))",
        },
    ],
});

tours.add("ha_shot_portal_my_tickets", {
    steps: () => [
        {
            content: "My Tickets lists the customer's ticket",
            trigger: ".o_portal_my_doc_table a[href*='/my/ticket/']",
        },
    ],
});

tours.add("ha_shot_portal_ticket_after_sales", {
    steps: () => [
        {
            content: "The ticket's After-Sales block lists its return",
            trigger: "#ticket_aftersales #aftersales_returns td",
        },
        {
            content: "... and its repair order",
            trigger: "#ticket_aftersales #aftersales_repairs td",
        },
    ],
});

tours.add("ha_shot_portal_return_request", {
    steps: () => [
        {
            content: "Return two of the delivered chairs (the order's first line)",
            trigger: ".o_portal_return_request input[name^='quantity_']:not(:disabled)",
            run: "edit 2",
        },
        {
            content: "Say why: the first return reason (Damaged in transit)",
            trigger: ".o_portal_return_request select[name^='reason_']:not(:disabled)",
            run: "selectByIndex 1",
        },
        {
            content: "The request is ready to send",
            trigger: "#o_portal_return_request_send",
        },
    ],
});

// The loop after the goods come back.
tours.add("ha_shot_ticket_loop", {
    steps: () => [
        ticketFormOpen,
        {
            content: "The After-Sales Loop block shows the return shipped back",
            trigger: ".o_form_view div[name=aftersales_loop] .o_aftersales_loop_step[data-step=shipped]",
        },
        {
            content: "The chatter shows the emails the customer got",
            trigger: ".o-mail-Chatter .o-mail-Message",
        },
        imagesLoaded,
    ],
});

tours.add("ha_shot_repair_delivery_back", {
    steps: () => [
        ticketFormOpen,
        {
            content: "Open the ticket's repair order",
            trigger: ".o-form-buttonbox button[name=action_view_repairs]",
            run: "click",
        },
        {
            content: "The repair is done: its Delivery Back smart button counts the delivery",
            trigger: ".o_form_view .o-form-buttonbox button[name=action_view_aftersales_deliveries] .o_stat_value",
        },
        {
            content: "The repair's chatter is loaded",
            trigger: ".o-mail-Chatter .o-mail-Message",
        },
        imagesLoaded,
    ],
});

tours.add("ha_shot_portal_ticket_returns", {
    steps: () => [
        {
            // The ticket's title is demo data, the same in every language.
            content: "Open the ticket of the office chair of the wrong model",
            trigger: ".o_portal_my_doc_table a:contains('Office chair of the wrong model')",
            run: "click",
        },
        {
            content: "Your Returns shows the return received",
            trigger: "#aftersales_loop .o_aftersales_loop_step[data-step=received]",
        },
    ],
});
