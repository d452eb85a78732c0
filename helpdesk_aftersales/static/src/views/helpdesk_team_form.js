/** @odoo-module **/

import { FormController } from "@web/views/form/form_controller";
import { patch } from "@web/core/utils/patch";

/**
 * The team's After-Sales flags (AFTERSALES_MODULES in models/helpdesk_team.py).
 * Switching one on installs its module during the save: the views, menus and
 * buttons it brings exist only in a freshly loaded web client.
 */
export const AFTERSALES_SERVICE_FIELDS = [
    "use_credit_notes",
    "use_coupons",
    "use_product_returns",
    "use_product_repairs",
    "use_fsm",
];

patch(FormController.prototype, {
    async onRecordSaved(record, changes) {
        await super.onRecordSaved(...arguments);
        if (
            // The helpdesk's team model, whatever its name: the model whose
            // flags are its own (on the ticket they are related, read-only).
            "aftersales_close_when_done" in record.fields &&
            !record.fields.aftersales_close_when_done.related &&
            AFTERSALES_SERVICE_FIELDS.some((name) => changes[name] === true)
        ) {
            // What Settings does after installing modules (res.config.settings.execute).
            await this.actionService.doAction({ type: "ir.actions.client", tag: "reload" });
        }
    },
});
