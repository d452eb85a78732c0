/** @odoo-module **/

/**
 * Steps every bridge's tour shares: an agent on a ticket form clicks a
 * service's header button, fills in and confirms its dialog, then finds the
 * service's smart button counting the new documents, opens them and comes
 * back to the ticket. Each bridge's tour is one call of `ticketServiceSteps`.
 */

/** The ticket form of `ticket` is shown (the tours start on it). */
export function ticketFormSteps(ticket) {
    return [
        {
            content: `The ticket '${ticket}' is open`,
            trigger: `.o_form_view .o_field_widget[name=name] input:value('${ticket}')`,
        },
    ];
}

/** Click the header button `button` (its method name) of the ticket. */
export function clickTicketButtonSteps(button, label) {
    return [
        {
            content: `Click ${label} in the ticket's header`,
            trigger: `.o_form_view .o_form_statusbar button[name=${button}]:contains('${label}')`,
            run: "click",
        },
    ];
}

/** Click the footer button `name` (method) of the open dialog; it closes. */
export function confirmDialogSteps(name, label) {
    return [
        {
            content: `Click ${label} in the dialog`,
            trigger: `.modal .modal-footer button[name=${name}]:contains('${label}')`,
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

/** The smart button `button` shows `count` documents under `label`. */
export function smartButtonCountSteps(button, label, count) {
    return [
        {
            content: `The smart button ${label} counts ${count}`,
            trigger: `.o_form_view .o-form-buttonbox button[name=${button}]:has(.o_stat_value:contains('${count}')):has(.o_stat_text:contains('${label}'))`,
        },
    ];
}

/** Steps that come back to the ticket with the breadcrumb. */
export function backToTicketSteps(ticket) {
    return [
        {
            content: "Back to the ticket",
            trigger: `.o_breadcrumb .breadcrumb-item a:contains('${ticket}')`,
            run: "click",
        },
        ...ticketFormSteps(ticket),
    ];
}

/**
 * Open the smart button `button`, check that `documentTrigger` (the document
 * opened) is shown, then come back to the ticket with the breadcrumb.
 */
export function openSmartButtonSteps(ticket, button, label, documentTrigger) {
    return [
        {
            content: `Open the ${label} of the ticket`,
            trigger: `.o_form_view .o-form-buttonbox button[name=${button}]`,
            run: "click",
        },
        {
            content: `The ${label} are shown`,
            trigger: documentTrigger,
        },
        ...backToTicketSteps(ticket),
    ];
}

/**
 * One service walked on one ticket: header button, dialog, confirm, smart
 * button count, documents, back.
 *
 * @param {Object} service
 * @param {String} service.ticket       the ticket's title
 * @param {String} service.button       header button method, e.g. "action_refund"
 * @param {String} service.label        header button text, e.g. "Refund"
 * @param {Array}  [service.dialogSteps] steps filling the dialog (or the form it opens)
 * @param {Array}  [service.confirm]    footer button of the dialog that closes it
 *                                      once the documents are made: [method, text]
 * @param {Array}  [service.confirmSteps] instead of `confirm`: steps that create the
 *                                        documents and come back to the ticket
 * @param {String} service.smartButton  smart button method, e.g. "action_view_credit_notes"
 * @param {String} service.smartLabel   smart button text, e.g. "Credit Notes"
 * @param {Number} [service.count=1]    documents the smart button counts afterwards
 * @param {String} service.documentTrigger what shows the documents once opened
 */
export function ticketServiceSteps(service) {
    const count = service.count ?? 1;
    return [
        ...ticketFormSteps(service.ticket),
        {
            content: `No ${service.smartLabel} yet`,
            trigger: `.o_form_view:not(:has(.o-form-buttonbox button[name=${service.smartButton}]))`,
        },
        ...clickTicketButtonSteps(service.button, service.label),
        ...(service.dialogSteps || []),
        ...(service.confirmSteps || confirmDialogSteps(...service.confirm)),
        ...ticketFormSteps(service.ticket),
        ...smartButtonCountSteps(service.smartButton, service.smartLabel, count),
        ...openSmartButtonSteps(
            service.ticket,
            service.smartButton,
            service.smartLabel,
            service.documentTrigger
        ),
        ...smartButtonCountSteps(service.smartButton, service.smartLabel, count),
    ];
}
