{{%AUTOESCAPE context="HTML"}}
{{#GOAL}}
<fieldset class="govuk-fieldset tandem-goal">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Goal {{N}}</legend>
<input type="hidden" name="goal_key" value="{{KEY}}">
<div class="govuk-form-group">
<label class="govuk-label" for="goal_title-{{N}}">What I want to achieve</label>
<input class="govuk-input" id="goal_title-{{N}}" name="goal_title" type="text" value="{{TITLE}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="goal_criteria-{{N}}">How we will know it is achieved</label>
<textarea class="govuk-textarea" id="goal_criteria-{{N}}" name="goal_criteria" rows="2">{{CRITERIA:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="goal_target-{{N}}">Target date</label>
<input class="govuk-input govuk-input--width-10" id="goal_target-{{N}}" name="goal_target" type="date" value="{{TARGET}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="goal_activities-{{N}}">Activities: what, how, with whom, by when</label>
<textarea class="govuk-textarea" id="goal_activities-{{N}}" name="goal_activities" rows="3">{{ACTIVITIES:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="goal_assessment-{{N}}">How it will be assessed</label>
<input class="govuk-input" id="goal_assessment-{{N}}" name="goal_assessment" type="text" value="{{ASSESSMENT}}">
</div>
</fieldset>
{{/GOAL}}
