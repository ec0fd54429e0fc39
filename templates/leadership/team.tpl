{{%AUTOESCAPE context="HTML"}}
<a class="govuk-back-link" href="/leadership">Leadership plans</a>
<h1 class="govuk-heading-l">Your team's leadership plans</h1>
<p class="govuk-body">This year's plans of the people you line-manage. Open a plan to read it, record a review with its owner or sign one they recorded.</p>
{{TABLE_HTML:none}}
