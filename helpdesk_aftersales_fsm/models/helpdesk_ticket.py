from odoo import api, fields, models

from odoo.addons.project.models.project_task import CLOSED_STATES


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    fsm_task_ids = fields.One2many(
        "project.task", "helpdesk_ticket_id", string="Field Service Tasks"
    )
    fsm_task_count = fields.Integer(string="Tasks", compute="_compute_fsm_task_count")

    @api.depends("fsm_task_ids")
    @api.depends_context("uid")
    def _compute_fsm_task_count(self):
        self._aftersales_set_count("fsm_task_count", "project.task")

    def action_generate_fsm_task(self):
        # Internal users may create private to-dos: it is Project / User that
        # gives access to projects' tasks.
        return self._aftersales_open_dialog(
            "helpdesk.create.fsm.task",
            self.env._("Create a Field Service task"),
            needs="project.group_project_user",
            refusal=self.env._(
                "Planning an intervention creates a Field Service task: it needs "
                "Project / User rights. Ask your administrator."
            ),
        )

    def action_view_fsm_tasks(self):
        self.ensure_one()
        return self._aftersales_action_view(
            "industry_fsm.project_task_action_fsm", self.fsm_task_ids
        )

    def _aftersales_open_documents(self):
        # A task is open until it is in a closed state (done or cancelled).
        return self._aftersales_add_open_documents(
            super()._aftersales_open_documents(),
            self.env._("Tasks"),
            "project.task",
            [("state", "not in", list(CLOSED_STATES))],
        )
