import { registry } from "@web/core/registry";

// The customer's side: from the portal home to their ticket, and a reply.
registry.category("web_tour.tours").add("helpdesk_portal_ticket_tour", {
    steps: () => [
        {
            content: "The portal home counts the customer's tickets",
            trigger: ".o_portal_index_card a[href='/my/tickets']:contains(Tickets):has([data-placeholder_count='ticket_count']:contains(2))",
            run: "click",
        },
        {
            content: "Open the ticket",
            trigger: ".o_portal_my_doc_table a:contains(Coffee machine leaks)",
            run: "click",
        },
        {
            trigger: "#card_header h3:contains(Coffee machine leaks)",
        },
        {
            content: "Write a reply",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit The leak is under the water tank.",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The reply is in the ticket's history",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(The leak is under the water tank.)",
        },
    ],
});
