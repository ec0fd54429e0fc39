{{%AUTOESCAPE context="HTML"}}
{{#INTRO}}<div class="tandem-richtext">{{INTRO_HTML:none}}</div>{{/INTRO}}
{{#NO_PAGES}}<p class="govuk-body">This collection had no pages.</p>{{/NO_PAGES}}
{{#PAGE}}
<div class="tandem-snapshot__page">
{{#HEADING}}<h3 class="govuk-heading-m">{{TITLE}}</h3>{{/HEADING}}
{{#DESCRIPTION}}<div class="tandem-richtext">{{DESCRIPTION_HTML:none}}</div>{{/DESCRIPTION}}
{{#EMPTY}}<p class="govuk-body">There was nothing on this page.</p>{{/EMPTY}}
{{#BLOCKS}}{{BLOCKS_HTML:none}}{{/BLOCKS}}
</div>
{{/PAGE}}
