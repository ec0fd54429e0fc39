{{%AUTOESCAPE context="HTML"}}
{{#NONE}}<p class="govuk-body">Nobody in this group has shared a post yet.</p>{{/NONE}}
{{>POSTS}}
