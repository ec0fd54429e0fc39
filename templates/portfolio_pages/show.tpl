{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/portfolio">Your portfolio</a>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
{{#DESCRIPTION}}<div class="tandem-richtext">{{HTML:none}}</div>{{/DESCRIPTION}}
<p class="govuk-body"><a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}/edit">Change the title or description</a></p>
<h2 class="govuk-heading-m" id="blocks">On this page</h2>
{{#EMPTY}}<p class="govuk-body">Nothing yet. Add your first block below.</p>{{/EMPTY}}
<ol class="tandem-blocks">
{{#BLOCK}}
<li class="tandem-block" id="block-{{BLOCK_ID}}">
{{#TEXT}}<div class="tandem-richtext">{{HTML:none}}</div>{{/TEXT}}
{{#EVIDENCE}}
<h3 class="govuk-heading-s"><a class="govuk-link" href="/portfolio/evidence/{{ID}}">{{TITLE}}</a></h3>
{{#BODY}}<div class="tandem-richtext">{{HTML:none}}</div>{{/BODY}}
{{#LINK}}<p class="govuk-body"><a class="govuk-link" href="{{URL}}" rel="noopener noreferrer nofollow">{{URL}}</a></p>{{/LINK}}
{{#FILE}}{{#IMAGE}}<p class="govuk-body"><img class="tandem-evidence-image" src="{{SRC}}" alt="{{FILENAME}}"></p>{{/IMAGE}}<p class="govuk-body"><a class="govuk-link" href="{{HREF}}" download>Download {{FILENAME}}</a></p>{{/FILE}}
{{#REFLECTION}}<div class="tandem-richtext tandem-reflection"><p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Reflection</p>{{HTML:none}}</div>{{/REFLECTION}}
{{/EVIDENCE}}
<div class="govuk-button-group tandem-block__actions">
{{#CAN_MOVE_UP}}<form method="post" action="/portfolio/pages/{{PAGE_ID}}/blocks/{{BLOCK_ID}}/move"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="direction" value="up"><button type="submit" class="govuk-button govuk-button--secondary">Move up<span class="govuk-visually-hidden"> block {{NUMBER}}</span></button></form>{{/CAN_MOVE_UP}}
{{#CAN_MOVE_DOWN}}<form method="post" action="/portfolio/pages/{{PAGE_ID}}/blocks/{{BLOCK_ID}}/move"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="direction" value="down"><button type="submit" class="govuk-button govuk-button--secondary">Move down<span class="govuk-visually-hidden"> block {{NUMBER}}</span></button></form>{{/CAN_MOVE_DOWN}}
<form method="post" action="/portfolio/pages/{{PAGE_ID}}/blocks/{{BLOCK_ID}}/delete"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--warning">Remove<span class="govuk-visually-hidden"> block {{NUMBER}}</span></button></form>
</div>
</li>
{{/BLOCK}}
</ol>
<h2 class="govuk-heading-m">Add to this page</h2>
<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/portfolio/pages/{{PAGE_ID}}/add">Add a piece of evidence</a></p>
<form method="post" action="/portfolio/pages/{{PAGE_ID}}/blocks">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="text">Some words of your own</label>
<div class="govuk-hint" id="text-hint">An introduction, a heading, what links your evidence together. You can use Markdown.</div>
<textarea class="govuk-textarea" id="text" name="text" rows="4" aria-describedby="text-hint"></textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Add text</button>
</form>
</div>
</div>
