from odoo import api, fields, models


class HelpdeskCreateFsmTask(models.TransientModel):
    _name = "helpdesk.create.fsm.task"
    _inherit = ["helpdesk.aftersales.wizard.mixin"]
    _description = "Create a Field Service task from a helpdesk ticket"
    _aftersales_service_field = "use_fsm"
    _check_company_auto = True

    company_id = fields.Many2one(related="helpdesk_ticket_id.company_id", compute_sudo=False)
    partner_id = fields.Many2one(
        related="helpdesk_ticket_id.partner_id", compute_sudo=False, string="Customer"
    )
    name = fields.Char(
        string="Title",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    project_id = fields.Many2one(
        "project.project",
        string="Project",
        compute="_compute_project_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('is_fsm', '=', True), ('company_id', 'in', (company_id, False))]",
        help="Project in which the task is created.",
    )

    @api.depends("helpdesk_ticket_id")
    def _compute_name(self):
        for wizard in self:
            wizard.name = wizard.name or wizard.helpdesk_ticket_id.name

    @api.depends("helpdesk_ticket_id")
    def _compute_project_id(self):
        for wizard in self:
            wizard.project_id = (
                wizard.project_id or wizard.helpdesk_ticket_id.team_id.fsm_project_id
            )

    def _aftersales_refusals(self):
        """Checked before creating: the values may come from a forged call. The
        project's company is the ORM's (check_company)."""
        yield from super()._aftersales_refusals()
        if not (self.name or "").strip():
            yield self.env._("Give the task a title.")
        if not self.project_id:
            yield self.env._("Choose the Field Service project of the task.")
        if not self.project_id.is_fsm:
            yield self.env._(
                "The project %(project)s is not a Field Service project.",
                project=self.project_id.display_name,
            )

    def _aftersales_prepare_task_values(self):
        ticket = self.helpdesk_ticket_id
        return {
            "name": self.name.strip(),
            "project_id": self.project_id.id,
            "partner_id": ticket.partner_id.id,
            "company_id": (self.project_id.company_id or ticket.company_id).id,
            "description": ticket.description,
        }

    def _aftersales_create_documents(self):
        task = self.env["project.task"].create(self._aftersales_prepare_task_values())
        # The customer follows the task as they follow the ticket: with a
        # project shared with portal users, they see it in their portal.
        partner = self.helpdesk_ticket_id.partner_id
        if partner:
            task.message_subscribe(partner_ids=partner.ids)
        return task

    def _aftersales_generate_task(self):
        return self._aftersales_check_create_attach(
            self.env._("Field Service task planned: %(documents)s")
        )

    def action_generate_task(self):
        self._aftersales_generate_task()
        return {"type": "ir.actions.act_window_close"}

    def action_generate_and_view_task(self):
        task = self._aftersales_generate_task()
        return self.helpdesk_ticket_id._aftersales_action_view(
            "industry_fsm.project_task_action_fsm", task
        )
