{{%AUTOESCAPE context="HTML"}}
<div class="govuk-form-group{{#DISPLAY_NAME_ERROR}} govuk-form-group--error{{/DISPLAY_NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="display_name">Full name</label>
{{#DISPLAY_NAME_ERROR}}<p id="display_name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DISPLAY_NAME_ERROR}}
<input class="govuk-input{{#DISPLAY_NAME_ERROR}} govuk-input--error{{/DISPLAY_NAME_ERROR}}" id="display_name" name="display_name" type="text" value="{{DISPLAY_NAME}}" maxlength="200" autocomplete="off" spellcheck="false"{{#DISPLAY_NAME_ERROR}} aria-describedby="display_name-error"{{/DISPLAY_NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#EMAIL_ERROR}} govuk-form-group--error{{/EMAIL_ERROR}}">
<label class="govuk-label govuk-label--s" for="email">Email address</label>
{{#EMAIL_ERROR}}<p id="email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input class="govuk-input{{#EMAIL_ERROR}} govuk-input--error{{/EMAIL_ERROR}}" id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" autocomplete="off" spellcheck="false"{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
</div>
<div class="govuk-form-group{{#ROLES_ERROR}} govuk-form-group--error{{/ROLES_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="roles-hint{{#ROLES_ERROR}} roles-error{{/ROLES_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Roles</legend>
<div id="roles-hint" class="govuk-hint">Select all that apply.</div>
{{#ROLES_ERROR}}<p id="roles-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ROLES_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#ROLE}}
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="{{NAME}}" type="checkbox" value="yes"{{#CHECKED}} checked{{/CHECKED}} aria-describedby="{{NAME}}-hint">
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
<div id="{{NAME}}-hint" class="govuk-hint govuk-checkboxes__hint">{{HINT}}</div>
</div>
{{/ROLE}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#LINE_MANAGER_ERROR}} govuk-form-group--error{{/LINE_MANAGER_ERROR}}">
<label class="govuk-label govuk-label--s" for="line_manager">Line manager (optional)</label>
<div id="line_manager-hint" class="govuk-hint">Their username, for example david. They must be at the same college.</div>
{{#LINE_MANAGER_ERROR}}<p id="line_manager-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LINE_MANAGER_ERROR}}
<input class="govuk-input govuk-input--width-20{{#LINE_MANAGER_ERROR}} govuk-input--error{{/LINE_MANAGER_ERROR}}" id="line_manager" name="line_manager" type="text" value="{{LINE_MANAGER}}" maxlength="64" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="line_manager-hint{{#LINE_MANAGER_ERROR}} line_manager-error{{/LINE_MANAGER_ERROR}}">
</div>
<div class="govuk-form-group{{#DEPARTMENT_ERROR}} govuk-form-group--error{{/DEPARTMENT_ERROR}}">
<label class="govuk-label govuk-label--s" for="department">Department (optional)</label>
<div id="department-hint" class="govuk-hint">Where they work, for example Engineering or Learner services. Up to 100 characters. The leadership view counts plans by department.</div>
{{#DEPARTMENT_ERROR}}<p id="department-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DEPARTMENT_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#DEPARTMENT_ERROR}} govuk-input--error{{/DEPARTMENT_ERROR}}" id="department" name="department" type="text" value="{{DEPARTMENT}}" maxlength="100" autocomplete="off" aria-describedby="department-hint{{#DEPARTMENT_ERROR}} department-error{{/DEPARTMENT_ERROR}}">
</div>
