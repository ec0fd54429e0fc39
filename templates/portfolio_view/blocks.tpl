{{%AUTOESCAPE context="HTML"}}
{{! A page's blocks, wherever they are shown. Nothing here depends on who
      is looking (the editor's buttons post through the one form around the
      list in portfolio_pages/show.tpl, which carries the CSRF token), so
      the expansion is kept in memory by page and version (core/fragment). }}
{{#BLOCK}}
{{#EDITING}}<li class="tandem-block" id="block-{{BLOCK_ID}}">{{/EDITING}}{{#READING}}<section class="tandem-block tandem-block--reading" id="block-{{BLOCK_ID}}" aria-label="Part {{NUMBER}}">{{/READING}}
{{#TEXT}}<div class="tandem-richtext">{{TEXT_HTML:none}}</div>{{/TEXT}}
{{#EVIDENCE}}
<h{{LEVEL}} class="govuk-heading-s">{{#LINKED}}<a class="govuk-link" href="/portfolio/evidence/{{EVIDENCE_ID}}">{{EVIDENCE_TITLE}}</a>{{/LINKED}}{{#PLAIN}}{{EVIDENCE_TITLE}}{{/PLAIN}}</h{{LEVEL}}>
{{#BODY}}<div class="tandem-richtext">{{BODY_HTML:none}}</div>{{/BODY}}
{{#LINK}}<p class="govuk-body"><a class="govuk-link" href="{{URL}}" rel="noopener noreferrer nofollow">{{URL}}</a></p>{{/LINK}}
{{#FILE}}{{#IMAGE}}<p class="govuk-body"><img class="tandem-evidence-image" src="{{HREF}}" alt="{{EVIDENCE_TITLE}}"></p>{{/IMAGE}}<p class="govuk-body"><a class="govuk-link" href="{{HREF}}" download>Download {{FILENAME}}</a></p>{{/FILE}}
{{#REFLECTION}}<div class="tandem-richtext tandem-reflection"><p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Reflection</p>{{REFLECTION_HTML:none}}</div>{{/REFLECTION}}
{{/EVIDENCE}}
{{#EDITING}}<div class="govuk-button-group tandem-block__actions">{{/EDITING}}
{{#CAN_EDIT}}<a class="govuk-button govuk-button--secondary" href="/portfolio/pages/{{PAGE_ID}}/blocks/{{BLOCK_ID}}/edit">Change<span class="govuk-visually-hidden"> block {{NUMBER}}</span></a>{{/CAN_EDIT}}
{{#CAN_MOVE_UP}}<button type="submit" formaction="/portfolio/pages/{{PAGE_ID}}/blocks/{{BLOCK_ID}}/move" name="direction" value="up" class="govuk-button govuk-button--secondary">Move up<span class="govuk-visually-hidden"> block {{NUMBER}}</span></button>{{/CAN_MOVE_UP}}
{{#CAN_MOVE_DOWN}}<button type="submit" formaction="/portfolio/pages/{{PAGE_ID}}/blocks/{{BLOCK_ID}}/move" name="direction" value="down" class="govuk-button govuk-button--secondary">Move down<span class="govuk-visually-hidden"> block {{NUMBER}}</span></button>{{/CAN_MOVE_DOWN}}
{{#EDITING}}<button type="submit" formaction="/portfolio/pages/{{PAGE_ID}}/blocks/{{BLOCK_ID}}/delete" class="govuk-button govuk-button--warning">Remove<span class="govuk-visually-hidden"> block {{NUMBER}}</span></button>
</div></li>{{/EDITING}}{{#READING}}</section>{{/READING}}
{{/BLOCK}}
